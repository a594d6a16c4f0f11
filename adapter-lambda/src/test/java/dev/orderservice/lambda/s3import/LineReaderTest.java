package dev.orderservice.lambda.s3import;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.lambda.s3import.LineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void lines_end_with_lf_or_crlf() throws IOException {
        List<Line> lines = readAll("one\ntwo\r\nthree\n", 100);

        assertThat(lines).extracting(LineReaderTest::text).containsExactly("one", "two", "three");
        assertThat(lines).extracting(Line::number).containsExactly(1, 2, 3);
    }

    @Test
    void last_line_needs_no_terminator() throws IOException {
        assertThat(readAll("one\ntwo", 100)).extracting(LineReaderTest::text).containsExactly("one", "two");
    }

    @Test
    void empty_stream_has_no_lines() throws IOException {
        assertThat(readAll("", 100)).isEmpty();
    }

    @Test
    void blank_lines_keep_their_numbers() throws IOException {
        List<Line> lines = readAll("one\n\n \t\nfour\n", 100);

        assertThat(lines).extracting(Line::isBlank).containsExactly(false, true, true, false);
        assertThat(lines.get(3).number()).isEqualTo(4);
    }

    @Test
    void byte_order_mark_of_first_line_is_dropped() throws IOException {
        byte[] marked = "\ufeff{\"a\":1}\n\ufeffsecond".getBytes(StandardCharsets.UTF_8);

        List<Line> lines = readAll(new ByteArrayInputStream(marked), 100);

        assertThat(text(lines.get(0))).isEqualTo("{\"a\":1}");
        assertThat(text(lines.get(1))).isEqualTo("\ufeffsecond");
    }

    @Test
    void overlong_line_is_marked_and_next_line_read() throws IOException {
        String longLine = "x".repeat(11);

        List<Line> lines = readAll("0123456789\n" + longLine + "\nafter\n", 10);

        assertThat(lines).extracting(Line::tooLong).containsExactly(false, true, false);
        assertThat(lines.get(1).bytes()).isEmpty();
        assertThat(text(lines.get(2))).isEqualTo("after");
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void crlf_does_not_count_toward_max() throws IOException {
        List<Line> lines = readAll("0123456789\r\n", 10);

        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(text(lines.get(0))).isEqualTo("0123456789");
    }

    @Test
    void line_longer_than_read_buffer_is_whole() throws IOException {
        String line = "y".repeat(200_000);

        List<Line> lines = readAll(line + "\nz", 300_000);

        assertThat(text(lines.get(0))).isEqualTo(line);
        assertThat(text(lines.get(1))).isEqualTo("z");
    }

    private static List<Line> readAll(String text, int maxLineBytes) throws IOException {
        return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private static List<Line> readAll(InputStream input, int maxLineBytes) throws IOException {
        LineReader reader = new LineReader(input, maxLineBytes);
        List<Line> lines = new ArrayList<>();
        for (Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static String text(Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }
}
