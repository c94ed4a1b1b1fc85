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

    /** True when this request is public and the count (judged by its size) may not be shown. */
    public boolean withheld(long count) {
        return applies() && small(Math.abs(count));
    }
}
