package cn.cg.geo.allocation;

/** A problem instance file that cannot be read, with the 1-based line where reading failed. */
public final class InstanceFormatException extends RuntimeException {

    private final int line;

    public InstanceFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    /** 1-based line number of the fault (0 when the file as a whole is at fault, e.g. empty). */
    public int line() {
        return line;
    }
}
