package cn.cg.api.system;

import cn.cg.api.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Validators for responses that depend only on the request and the data version (the aggregation
 * run): the ETag is the version plus a digest of the canonical request, so a new run changes every
 * ETag, and an unchanged resource answers 304 to If-None-Match without being computed.
 */
public final class HttpCaching {

    private HttpCaching() {
    }

    /** Public answers are suppressed (docs/security.md), so the audience is part of every validator. */
    public static String etag(long dataVersion, String canonicalRequest) {
        try {
            String audience = Viewer.isPublic() ? "|public" : "";
            byte[] d = MessageDigest.getInstance("SHA-256").digest((canonicalRequest + audience).getBytes(StandardCharsets.UTF_8));
            return "\"v" + dataVersion + "-" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when If-None-Match names this ETag (or is {@code *}); weak validators compare equal too. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.equals("*") || v.equals(etag) || v.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Public answers may sit in shared caches; an answer for a token holder only in that client's own
     * cache ({@code private}), since it may show what the public must not see. Either way the answer
     * varies with the Authorization header.
     */
    public static CacheControl cacheControl(Duration maxAge) {
        CacheControl c = CacheControl.maxAge(maxAge);
        return Viewer.isPublic() ? c.cachePublic() : c.cachePrivate();
    }

    public static <T> ResponseEntity<T> notModified(String etag, Duration maxAge) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl(maxAge))
                .varyBy(HttpHeaders.AUTHORIZATION).build();
    }

    public static ResponseEntity.BodyBuilder ok(String etag, Duration maxAge) {
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl(maxAge)).varyBy(HttpHeaders.AUTHORIZATION);
    }
}
