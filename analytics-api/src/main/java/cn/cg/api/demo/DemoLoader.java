package cn.cg.api.demo;

import cn.cg.api.system.CgProperties;
import cn.cg.api.violation.ImportReport;
import cn.cg.api.violation.ImportRequest;
import cn.cg.api.violation.ViolationImporter;
import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.DemoLayers;
import cn.cg.geo.demo.ProjectCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the demo city: Shenzhen's districts, the planners' layers (stations,
 * schools, hospitals, arterial roads, candidate sites) and a generated year of cases, imported through
 * the same importer as any user's file.
 */
@Service
public class DemoLoader {

    /** Statutory codes of Shenzhen's districts (GB/T 2260); 大鹏新区 is a functional area without one. */
    private static final Map<String, String> DISTRICT_CODES = Map.of(
            "罗湖", "440303", "福田", "440304", "南山", "440305", "宝安", "440306", "龙岗", "440307",
            "盐田", "440308", "龙华", "440309", "坪山", "440310", "光明", "440311", "大鹏", "440399");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ViolationImporter importer;
    private final CgProperties.Demo settings;

    DemoLoader(JdbcTemplate jdbc, TransactionTemplate tx, ViolationImporter importer, CgProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.importer = importer;
        this.settings = properties.demo();
    }

    /** Loads what is missing; with {@code ifEmpty}, a database that holds cases is left as it is. */
    public String load(boolean ifEmpty) {
        return load(ifEmpty, settings.cases());
    }

    /** As {@link #load(boolean)} with a number of cases of one's own (tests use small cities). */
    public String load(boolean ifEmpty, int caseCount) {
        long cases = count(DemoSql.CASES);
        if (ifEmpty && cases > 0) {
            return "the database holds " + cases + " cases: demo city not loaded";
        }
        DemoCity city = DemoCity.shenzhen(settings.seed());
        StringBuilder said = new StringBuilder();
        if (count(DemoSql.AREAS) == 0) {
            said.append(loadLayers(city.layers())).append('\n');
        }
        ImportReport r = importCases(city, caseCount);
        return said.append("demo cases: read ").append(r.rowsRead()).append(", accepted ").append(r.accepted())
                .append(", duplicates ").append(r.duplicates()).append(", rejected ").append(r.rejected())
                .append(" in ").append(r.millis() / 1000.0).append(" s").toString();
    }

    private String loadLayers(DemoLayers layers) {
        return tx.execute(status -> {
            for (DemoLayers.District d : layers.districts()) {
                String shortName = d.name().replaceAll("(新区|区)$", "");
                jdbc.update(DemoSql.DISTRICT, DISTRICT_CODES.getOrDefault(shortName, "4403" + Math.abs(shortName.hashCode() % 100)),
                        d.name(), d.geom().toText());
            }
            for (DemoLayers.Facility f : layers.facilities()) {
                jdbc.update(DemoSql.STATION, f.kind(), f.name(), f.lon(), f.lat(), f.capacity() > 0 ? f.capacity() : null);
            }
            for (DemoLayers.Exclusion e : layers.exclusions()) {
                jdbc.update(DemoSql.EXCLUSION, e.kind(), e.name(), e.bufferM(), e.geom().toText());
            }
            for (DemoLayers.Candidate c : layers.candidates()) {
                jdbc.update(DemoSql.CANDIDATE, c.kind(), c.name(), c.lon(), c.lat(), c.capacity() > 0 ? c.capacity() : null);
            }
            return "demo layers: " + layers.districts().size() + " districts, " + layers.facilities().size() + " stations, "
                    + layers.exclusions().size() + " exclusion zones, " + layers.candidates().size() + " candidate sites";
        });
    }

    private ImportReport importCases(DemoCity city, int n) {
        Path file = null;
        try {
            file = Files.createTempFile("cg-demo-", ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                ProjectCsv.write(new DemoCaseGenerator(city, settings.seed(), n), out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return importer.importCases(in, ImportRequest.of("demo-city-" + settings.seed() + "-" + n + ".csv", "csv", "wgs84", "cg"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
