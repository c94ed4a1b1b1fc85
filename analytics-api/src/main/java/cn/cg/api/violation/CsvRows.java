package cn.cg.api.violation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV read record by record, keeping the physical line each record starts on (quoted fields
 * may hold commas and line breaks, so records and lines differ). The first record is the header.
 */
final class CsvRows implements Iterator<SourceRow> {

    private final Reader in;
    private final List<String> header;
    private int line = 1;
    private int peeked = -2;
    private SourceRow next;

    CsvRows(Reader in) {
        this.in = in;
        List<String> h = readRecord();
        if (h == null || h.isEmpty() || (h.size() == 1 && h.get(0).isBlank())) {
            throw new ImportException("the file is empty: a CSV needs a header line", 1, null);
        }
        if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
            h.set(0, h.get(0).substring(1));
        }
        this.header = h.stream().map(String::trim).toList();
        advance();
    }

    List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        SourceRow r = next;
        advance();
        return r;
    }

    private void advance() {
        while (true) {
            int start = line;
            List<String> fields = readRecord();
            if (fields == null) {
                next = null;
                return;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // blank line
            }
            if (fields.size() != header.size()) {
                // Kept as a row so the validator rejects it with its line; the file goes on.
                Map<String, String> m = new HashMap<>();
                m.put(CaseValidator.MALFORMED, "has " + fields.size() + " fields, the header has " + header.size());
                next = new SourceRow(start, m);
                return;
            }
            Map<String, String> m = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), fields.get(i));
            }
            next = new SourceRow(start, m);
            return;
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    /** Reads one record; null at end of input. */
    private List<String> readRecord() {
        try {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldWasQuoted = false;
            int quoteLine = line;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw new ImportException("a quoted field opened here is never closed", quoteLine, null);
                    }
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            peeked = n;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && field.length() == 0 && !fieldWasQuoted) {
                    quoted = true;
                    fieldWasQuoted = true;
                    quoteLine = line;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        int n = read();
                        if (n != '\n') {
                            peeked = n;
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                }
                c = read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
