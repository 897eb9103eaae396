package org.caseclock.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An RSA key made in memory that signs tokens, and the decoder that checks them: for tests and
 * local tools. In production tokens come from the identity provider and are checked against its
 * published keys ({@code issuer-uri}); nothing here is used then.
 */
public final class LocalTokens {

    private final KeyPair key;

    public LocalTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.key = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks tokens signed by {@link #token}. */
    public JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
    }

    /**
     * A token for {@code sub}, valid for an hour.
     *
     * @param scope  space-separated, e.g. {@code "lists:la"} or {@code "events:write"}; may be empty
     * @param claims more claims, e.g. {@code teams} and {@code services} as lists
     */
    public String token(String sub, String scope, Map<String, List<String>> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer("caseclock-local")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("scope", scope);
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
