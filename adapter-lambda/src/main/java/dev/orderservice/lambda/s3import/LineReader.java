package dev.orderservice.lambda.s3import;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of JSON Lines into lines, holding at most one line in memory, and at most
 * {@code maxLineBytes} of it: the rest of a longer line is read and dropped, and the line is marked too long.
 *
 * <p>Lines end with {@code \n} or {@code \r\n}. A UTF-8 byte order mark before the first line is dropped, as
 * editors on Windows write one. Lines are bytes, not text, because the strict JSON reader decodes UTF-8 itself.
 */
final class LineReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream input;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private int lineNumber;

    LineReader(InputStream input, int maxLineBytes) {
        this.input = input;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * One line without its line terminator.
     *
     * @param number the line's number in the object, counted from 1, blank lines included
     * @param bytes the line's bytes, empty when it is too long
     * @param tooLong whether the line had more than the maximum number of bytes
     */
    record Line(int number, byte[] bytes, boolean tooLong) {

        /** Returns whether the line has nothing but spaces and tabs, which an import skips. */
        boolean isBlank() {
            if (tooLong) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Returns the next line, or {@code null} at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        // One byte more than the maximum, which may be the \r of a \r\n that does not count.
        int keptBytes = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        int b;
        while ((b = read()) != -1) {
            sawAny = true;
            if (b == '\n') {
                break;
            }
            if (keptBytes <= maxLineBytes) {
                line.write(b);
                keptBytes++;
            } else {
                tooLong = true;
            }
        }
        if (!sawAny) {
            return null;
        }

        lineNumber++;
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        if (lineNumber == 1) {
            bytes = withoutByteOrderMark(bytes);
        }
        if (tooLong || bytes.length > maxLineBytes) {
            return new Line(lineNumber, new byte[0], true);
        }
        return new Line(lineNumber, bytes, false);
    }

    private int read() throws IOException {
        while (position == limit) {
            int count = input.read(buffer, 0, buffer.length);
            if (count < 0) {
                return -1;
            }
            position = 0;
            limit = count;
        }
        return buffer[position++] & 0xff;
    }

    private static byte[] withoutByteOrderMark(byte[] bytes) {
        boolean marked = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return marked ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }
}
