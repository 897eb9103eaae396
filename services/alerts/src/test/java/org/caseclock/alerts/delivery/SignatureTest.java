package org.caseclock.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void signatureIsSha256HexHmacOfTheExactBody_rfc4231TestCase2() {
        // Given the key and data of RFC 4231 test case 2
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

        // When signed
        String signature = Signature.of("Jefe", body);

        // Then it is the published HMAC-SHA256, lower-case hex after "sha256="
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anyChangeToTheBodyChangesTheSignature() {
        assertThat(Signature.of("s", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Signature.of("s", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
    }
}
