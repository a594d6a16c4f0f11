package dev.orderservice.http.json;

/** Thrown when bytes are not one well-formed JSON value; it carries the line and column of the fault. */
public final class MalformedJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public MalformedJsonException(String reason, int line, int column) {
        super(reason + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
