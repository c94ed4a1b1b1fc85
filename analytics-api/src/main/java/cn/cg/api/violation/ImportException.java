package cn.cg.api.violation;

/** A file that cannot be imported at all (unreadable structure, unknown option); nothing is written. */
public class ImportException extends RuntimeException {

    private final Integer line;

    public ImportException(String message) {
        this(message, null, null);
    }

    public ImportException(String message, Integer line, Throwable cause) {
        super(line == null ? message : "line " + line + ": " + message, cause);
        this.line = line;
    }

    public Integer line() {
        return line;
    }
}
