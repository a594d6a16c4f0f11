package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a store's position in a customer's order list into an opaque, tamper-evident cursor and back.
 *
 * <p>The cursor is the position, then an HMAC-SHA256 over the customer id and the position, both in unpadded
 * base64url. A cursor that was altered, made up, or issued for another customer fails verification, so a store
 * never receives a position that it did not hand out.
 */
public final class CursorSigner {

    /** Cursors longer than this are rejected before any decoding. */
    public static final int MAX_CURSOR_LENGTH = 2048;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;

    public CursorSigner(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a cursor secret has at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Returns a signer with a random secret, for a single process whose cursors need not outlive it. */
    public static CursorSigner withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new CursorSigner(secret);
    }

    public String sign(CustomerId customerId, String position) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        byte[] positionBytes = position.getBytes(StandardCharsets.UTF_8);
        return encoder.encodeToString(positionBytes) + "." + encoder.encodeToString(mac(customerId, positionBytes));
    }

    /**
     * Returns the position inside a cursor.
     *
     * @throws OrderException {@code INVALID} on field {@code cursor} when the cursor was not issued by a signer
     *     with this secret for this customer
     */
    public String verify(CustomerId customerId, String cursor) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_CURSOR_LENGTH || dot < 0) {
            throw invalidCursor();
        }
        String position;
        try {
            position = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalidCursor();
        }

        // Signing again and comparing whole strings, rather than decoded bytes, also rejects other spellings of
        // the same bytes. The JDK's decoder accepts padding and ignores the unused low bits of the last character.
        byte[] expected = sign(customerId, position).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, cursor.getBytes(StandardCharsets.UTF_8))) {
            throw invalidCursor();
        }
        return position;
    }

    private byte[] mac(CustomerId customerId, byte[] position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(customerId.value().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(position);
        } catch (GeneralSecurityException missingAlgorithm) {
            // Every Java SE runtime must provide HmacSHA256, so this is a broken JDK, not bad input.
            throw new IllegalStateException(missingAlgorithm);
        }
    }

    private static OrderException invalidCursor() {
        return OrderException.invalid("cursor", "is not a cursor issued by this service for this customer");
    }
}
