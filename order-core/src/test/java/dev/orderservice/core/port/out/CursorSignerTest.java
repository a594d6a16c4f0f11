package dev.orderservice.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorSignerTest {

    private static final String BASE64_URL_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final CustomerId customer = new CustomerId("cust-42");
    private final byte[] secret = "a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8);
    private final CursorSigner signer = new CursorSigner(secret);

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-04T19:00:00.123Z|0b7e5f1c-3a3e-4c1e-9d0f-5d8f1a2b3c4d", "", "x", "Größe ☂"})
    void verify_returns_the_signed_position(String position) {
        String cursor = signer.sign(customer, position);

        assertThat(signer.verify(customer, cursor)).isEqualTo(position);
    }

    @Test
    void cursor_is_url_safe() {
        String cursor = signer.sign(customer, "position with spaces/and+slashes?");

        assertThat(cursor).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void every_altered_character_is_invalid() {
        String cursor = signer.sign(customer, "2026-12-04T19:00:00.123Z|some-id");

        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : BASE64_URL_ALPHABET.toCharArray()) {
                if (replacement != cursor.charAt(i)) {
                    assertInvalid(customer, cursor.substring(0, i) + replacement + cursor.substring(i + 1));
                }
            }
        }
    }

    @Test
    void padded_spelling_of_a_cursor_is_invalid() {
        String cursor = signer.sign(customer, "pos");

        assertInvalid(customer, cursor + "=");
        assertInvalid(customer, cursor.replace(".", "=."));
    }

    @Test
    void truncated_or_extended_cursor_is_invalid() {
        String cursor = signer.sign(customer, "position");

        assertInvalid(customer, cursor.substring(0, cursor.length() - 1));
        assertInvalid(customer, cursor + "A");
        assertInvalid(customer, cursor + ".A");
    }

    @Test
    void cursor_of_another_customer_is_invalid() {
        String cursor = signer.sign(new CustomerId("cust-43"), "position");

        assertInvalid(customer, cursor);
    }

    @Test
    void cursor_signed_with_another_secret_is_invalid() {
        String cursor = CursorSigner.withRandomSecret().sign(customer, "position");

        assertInvalid(customer, cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "garbage", "a.b.c", "!!!.???", "cG9z", "cG9z.", ".c2ln", "cG9z.c2ln", "ü.ü",
        "cG9z.6k5PxThJ6wjGHY_12WA3sDwLSy2408Oj7BleeBMXFfg"})
    void garbage_is_invalid(String garbage) {
        assertInvalid(customer, garbage);
    }

    @Test
    void over_long_signed_cursor_is_invalid() {
        String cursor = signer.sign(customer, "p".repeat(CursorSigner.MAX_CURSOR_LENGTH));

        assertThat(cursor.length()).isGreaterThan(CursorSigner.MAX_CURSOR_LENGTH);
        assertInvalid(customer, cursor);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void huge_cursor_is_invalid_without_decoding() {
        assertInvalid(customer, "A".repeat(10_000_000) + ".A");
    }

    @Test
    void secret_shorter_than_16_bytes_is_rejected() {
        byte[] shortSecret = new byte[15];

        assertThatThrownBy(() -> new CursorSigner(shortSecret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
    }

    @Test
    void signer_copies_its_secret() {
        String cursor = signer.sign(customer, "position");

        secret[0]++;

        assertThat(signer.verify(customer, cursor)).isEqualTo("position");
    }

    @Test
    void signers_with_one_secret_accept_each_others_cursors() {
        CursorSigner other = new CursorSigner(secret.clone());

        assertThat(other.verify(customer, signer.sign(customer, "position"))).isEqualTo("position");
    }

    private void assertInvalid(CustomerId customerId, String cursor) {
        assertThatThrownBy(() -> signer.verify(customerId, cursor))
                .as("cursor %s", cursor.length() > 80 ? cursor.substring(0, 80) + "..." : cursor)
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("cursor");
                });
    }
}
