package cn.cg.api.privacy;

import cn.cg.api.security.Viewer;
import cn.cg.api.system.CgProperties;
import org.springframework.stereotype.Component;

/**
 * Suppression of small figures in public answers: a count from 1 to k-1 is withheld (null), and so is any
 * figure computed from it. Zero is shown: an empty area or cell points at nobody.
 */
@Component
public class SmallCounts {

    private final int k;

    SmallCounts(CgProperties properties) {
        this.k = properties.security().k();
    }

    public int k() {
        return k;
    }

    /** Whether the current request's answer must be suppressed (the public role). */
    public boolean applies() {
        return Viewer.isPublic();
    }

    /** True when the count may not be shown to the public. */
    public boolean small(long count) {
        return count > 0 && count < k;
    }

    /** The count, or null when it is small (negative differences are judged by their size). */
    public Long show(long count) {
        return small(Math.abs(count)) ? null : count;
    }

    /** A key part for caches and ETags: public answers differ from the others for the same request. */
    public String audience() {
        return applies() ? "public-k" + k : "full";
    }
}
