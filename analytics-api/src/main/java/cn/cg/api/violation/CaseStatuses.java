package cn.cg.api.violation;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The case workflow's status vocabulary as stored in {@code violation.status} (V1's CHECK), with the
 * Chinese names files use for them. Imports map names to codes; the case collection filters by code.
 */
public final class CaseStatuses {

    /** File name (English code or Chinese term) to stored code. */
    static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("reported", "reported"), Map.entry("上报", "reported"),
            Map.entry("registered", "registered"), Map.entry("立案", "registered"),
            Map.entry("dispatched", "dispatched"), Map.entry("派遣", "dispatched"),
            Map.entry("handled", "handled"), Map.entry("处置", "handled"),
            Map.entry("verified", "verified"), Map.entry("核查", "verified"),
            Map.entry("closed", "closed"), Map.entry("结案", "closed"),
            Map.entry("suspended", "suspended"), Map.entry("挂账", "suspended"),
            Map.entry("extended", "extended"), Map.entry("延期", "extended"),
            Map.entry("reworked", "reworked"), Map.entry("返工", "reworked"),
            Map.entry("void", "void"), Map.entry("作废", "void"));

    /** The stored codes, sorted. */
    public static final Set<String> CODES = Collections.unmodifiableSet(new TreeSet<>(BY_NAME.values()));

    private CaseStatuses() {
    }
}
