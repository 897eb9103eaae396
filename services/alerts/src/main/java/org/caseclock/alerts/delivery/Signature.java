package org.caseclock.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Caseclock-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the exact
 * body bytes, so a receiver can tell our requests from anyone else's.
 */
public final class Signature {

    public static final String HEADER = "X-Caseclock-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private Signature() {}

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; this cannot happen on a working JVM.
            throw new IllegalStateException(e);
        }
    }
}
