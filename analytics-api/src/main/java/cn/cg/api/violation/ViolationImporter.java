package cn.cg.api.violation;

import cn.cg.api.system.CgProperties;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Service;

/**
 * Imports a file of cases: reads it with its profile, validates every row, streams the accepted rows
 * into a staging table with COPY and merges them into {@code violation}, all in one transaction. A
 * failure anywhere rolls everything back: an import is whole or absent.
 */
@Service
public class ViolationImporter {

    private static final int COPY_CHUNK_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final CgProperties.Imports limits;

    public ViolationImporter(DataSource dataSource, CgProperties properties) {
        this.dataSource = dataSource;
        this.limits = properties.imports();
    }

    public ImportReport importCases(InputStream input, ImportRequest request) {
        long started = System.nanoTime();
        MessageDigest sha = sha256();
        InputStream in = new DigestInputStream(new BufferedInputStream(input, 1 << 16), sha);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ImportReport report = load(c, in, sha, request, started);
                c.commit();
                return report;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import failed in the database, nothing was imported: " + e.getMessage(), e);
        }
    }

    private ImportReport load(Connection c, InputStream in, MessageDigest sha, ImportRequest request, long started)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ImportSql.WATCH_CLIENT);
        }
        long importId;
        try (PreparedStatement ps = c.prepareStatement(ImportSql.START_RUN)) {
            ps.setString(1, request.fileName());
            ps.setString(2, "0".repeat(64)); // the digest is known once the whole file has been read
            ps.setString(3, request.format().name().toLowerCase());
            ps.setString(4, request.crs().id());
            ps.setString(5, request.profile().name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                importId = rs.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(ImportSql.CREATE_STAGING);
        }
        CaseValidator validator = new CaseValidator(request.profile(), request.crs(), categoryCodes(c), OffsetDateTime.now());
        List<Rejection> rejections = new ArrayList<>();
        int read = 0;
        int rejected = 0;
        int staged = 0;
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(ImportSql.COPY_STAGING);
        try {
            StagingCsv csv = new StagingCsv();
            Iterator<SourceRow> rows = rows(in, request.format());
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                if (++read > limits.maxRows()) {
                    throw new ImportException("the file has more than " + limits.maxRows()
                            + " rows (cg.imports.max-rows); split it");
                }
                Object result = validator.validate(row);
                if (result instanceof CaseRecord r) {
                    csv.append(r);
                    staged++;
                    if (csv.size() >= COPY_CHUNK_BYTES) {
                        csv.flushTo(copy);
                    }
                } else {
                    rejected++;
                    if (rejections.size() < limits.maxRejectionsListed()) {
                        rejections.add((Rejection) result);
                    }
                }
            }
            csv.flushTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        int inserted;
        int updated;
        try (PreparedStatement ps = c.prepareStatement(ImportSql.MERGE)) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                inserted = rs.getInt(1);
                updated = rs.getInt(2);
            }
        }
        int accepted = inserted + updated;
        int duplicates = staged - accepted;
        try (PreparedStatement ps = c.prepareStatement(ImportSql.FINISH_RUN)) {
            ps.setInt(1, read);
            ps.setInt(2, accepted);
            ps.setInt(3, updated);
            ps.setInt(4, rejected);
            ps.setInt(5, duplicates);
            ps.setString(6, HexFormat.of().formatHex(sha.digest()));
            ps.setLong(7, importId);
            ps.executeUpdate();
        }
        return new ImportReport(importId, request.fileName(), request.format().name().toLowerCase(), request.crs().id(),
                request.profile().name(), read, accepted, inserted, updated, rejected, duplicates,
                List.copyOf(rejections), rejected > rejections.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Iterator<SourceRow> rows(InputStream in, CaseFileFormat format) {
        return switch (format) {
            case CSV -> new CsvRows(new InputStreamReader(in, StandardCharsets.UTF_8));
            case GEOJSON, OPEN311 -> new JsonRows(in, format);
        };
    }

    private static Set<String> categoryCodes(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ImportSql.CATEGORY_CODES)) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepted rows as CSV for COPY, buffered and sent in chunks. */
    private static final class StagingCsv {
        private final StringBuilder sb = new StringBuilder(COPY_CHUNK_BYTES + 4096);

        int size() {
            return sb.length();
        }

        void append(CaseRecord r) {
            sb.append(r.line()).append(',');
            text(r.caseNo()).append(',').append(r.categoryCode()).append(',').append(r.source()).append(',')
                    .append(r.status()).append(',').append(r.reportedAt()).append(',');
            if (r.closedAt() != null) {
                sb.append(r.closedAt());
            }
            sb.append(',');
            if (r.deadlineAt() != null) {
                sb.append(r.deadlineAt());
            }
            sb.append(',').append(r.lon()).append(',').append(r.lat()).append(',');
            text(r.gridCode()).append(',');
            text(r.address()).append(',').append(r.weight()).append(',');
            text(r.attrs()).append(',');
            text(r.reporterName()).append(',');
            text(r.reporterPhone()).append('\n');
        }

        /** Null stays an unquoted empty field (NULL to COPY); any text is quoted. */
        private StringBuilder text(String s) {
            if (s == null) {
                return sb;
            }
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"') {
                    sb.append('"');
                }
                sb.append(ch);
            }
            return sb.append('"');
        }

        void flushTo(CopyIn copy) throws SQLException {
            if (sb.isEmpty()) {
                return;
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }
    }

}
