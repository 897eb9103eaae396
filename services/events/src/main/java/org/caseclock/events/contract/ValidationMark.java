package org.caseclock.events.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ingest's word that it has validated a record on {@code case-events}: header {@link #HEADER}
 * holds an HMAC-SHA256 of the record's value under a key that only ingest and the engine hold
 * ({@code caseclock.validation-key}). The engine then binds the event without running the JSON
 * Schemas a second time; a record without the header, or whose header does not match its value
 * (a direct producer, a forged or stale mark), is validated in full as before. Without a key
 * nothing is marked and everything is validated in full.
 */
public final class ValidationMark {

    public static final String HEADER = "caseclock.validated";
    private static final String ALGORITHM = "HmacSHA256";
    /** Shorter keys are guessable: start-up fails rather than run with one. */
    private static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;
    /** A Mac is not thread-safe; stream threads and request threads each get their own. */
    private final ThreadLocal<Mac> macs;

    private ValidationMark(String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // an unusable key fails now, not on the first record
    }

    /** The mark for {@code key}; none when the key is null or blank. */
    public static Optional<ValidationMark> of(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("caseclock.validation-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return Optional.of(new ValidationMark(key));
    }

    /** The header value for a record whose value is {@code value}. */
    public byte[] sign(byte[] value) {
        return macs.get().doFinal(value);
    }

    /** Whether {@code mark} is this key's mark of {@code value} (compared in constant time). */
    public boolean verifies(byte[] value, byte[] mark) {
        return mark != null && MessageDigest.isEqual(sign(value), mark);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up " + ALGORITHM, e);
        }
    }
}
