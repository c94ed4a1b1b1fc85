package cn.cg.api.violation;

/** A row that was not imported: where it is in the file, which case it claimed to be, and why. */
public record Rejection(int line, String caseNo, String reason) {
}
