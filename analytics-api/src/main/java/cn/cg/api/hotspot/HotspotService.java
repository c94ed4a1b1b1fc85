package cn.cg.api.hotspot;

import cn.cg.api.aggregate.Period;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import cn.cg.geo.hotspot.EmergingCell;
import cn.cg.geo.hotspot.EmergingHotSpots;
import cn.cg.geo.hotspot.EmergingOptions;
import cn.cg.geo.hotspot.GiStar;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.HotspotOptions;
import cn.cg.geo.hotspot.HotspotScale;
import cn.cg.geo.hotspot.Kernel;
import cn.cg.geo.hotspot.PeriodChange;
import cn.cg.geo.hotspot.PeriodComparison;
import cn.cg.geo.hotspot.ScaleChoice;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * On-demand hot spots from the served aggregates, with geo-core's statistics. The input is built by
 * the same rules as the Spark hotspot job's (study cells at 0 plus every cell with cases, sorted by
 * cell id; a category set's cases summed per cell), so for the same aggregates and settings both give
 * the same numbers. All reads of one request run in one repeatable-read transaction: one run.
 */
@Service
public class HotspotService {

    /** An admin area that restricts the study area. */
    public record Area(long id, String level, String code, String name) {
    }

    /** What one analysis reads: the cell values and the data version they come from. */
    record Input(long dataVersion, TreeMap<Long, Double> values) {
    }

    /** A ring size and why. */
    public record Scale(int k, boolean auto, String reason) {
    }

    public record GiResult(Input input, Scale scale, List<HotspotCell> cells) {
    }

    public record EmergingResult(long dataVersion, List<LocalDate> steps, Scale scale, List<EmergingCell> cells,
                                 long cases) {
    }

    public record CompareResult(long dataVersion, Period current, Period previous, Scale scale,
                                List<PeriodChange> changes) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CgProperties.Hotspots limits;

    public HotspotService(JdbcTemplate jdbc, PlatformTransactionManager tm, CgProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.limits = properties.hotspots();
    }

    public CgProperties.Hotspots limits() {
        return limits;
    }

    /** Gi* over one period. {@code k} 0 = automatic. */
    public GiResult hotspots(int resolution, Set<String> codes, Period period, Area area, int k, Kernel kernel,
                             boolean fdr) {
        Input in = readOnly.execute(s -> {
            long version = dataVersion();
            TreeMap<Long, Double> v = studyArea(resolution, area);
            addCounts(v, resolution, codes, period, area != null);
            return new Input(version, v);
        });
        requireCells(in.values().size(), "resolution");
        Scale scale = scale(in.values(), k);
        List<HotspotCell> cells = GiStar.analyse(in.values(),
            HotspotOptions.ofK(scale.k()).withKernel(kernel).withFdr(fdr));
        return new GiResult(in, scale, cells);
    }

    /** Emerging hot spots over the weeks or months starting in the period. */
    public EmergingResult emerging(int resolution, Set<String> codes, Period period, Area area, String step, int k) {
        List<LocalDate> steps = steps(period, step);
        if (steps.size() < 2) {
            throw new InvalidParameterException("from", "the period holds " + steps.size() + " " + step
                + " step(s); emerging hot spots need at least 2");
        }
        Object[] read = readOnly.execute(s -> {
            long version = dataVersion();
            TreeMap<Long, Double> study = studyArea(resolution, area);
            List<Map<Long, Double>> counts = new ArrayList<>();
            Map<LocalDate, Integer> index = new HashMap<>();
            for (LocalDate d : steps) {
                index.put(d, counts.size());
                counts.add(new HashMap<>());
            }
            jdbc.query(HotspotSql.COUNTS_BY_BUCKET, rs -> {
                long cell = rs.getLong(1);
                if (area == null || study.containsKey(cell)) {
                    Integer i = index.get(rs.getObject(2, LocalDate.class));
                    if (i != null) {
                        counts.get(i).merge(cell, rs.getDouble(3), Double::sum);
                    }
                }
            }, resolution, step, Date.valueOf(steps.get(0)), Date.valueOf(period.toExclusive()), String.join(",", codes));
            return new Object[] {version, study, counts};
        });
        long version = (Long) read[0];
        @SuppressWarnings("unchecked") TreeMap<Long, Double> total = (TreeMap<Long, Double>) read[1];
        @SuppressWarnings("unchecked") List<Map<Long, Double>> counts = (List<Map<Long, Double>>) read[2];
        for (Map<Long, Double> c : counts) {
            c.forEach((cell, v) -> total.merge(cell, v, Double::sum));
        }
        requireCells(total.size(), "resolution");
        if ((long) total.size() * steps.size() > limits.maxCellSteps()) {
            throw new InvalidParameterException("from", total.size() + " cells x " + steps.size() + " steps exceed the "
                + "limit of " + limits.maxCellSteps() + "; choose a shorter period, a coarser step or resolution, or an area");
        }
        List<Map<Long, Double>> filled = new ArrayList<>(steps.size());
        for (Map<Long, Double> c : counts) {
            TreeMap<Long, Double> m = new TreeMap<>();
            total.keySet().forEach(cell -> m.put(cell, 0.0));
            c.forEach((cell, v) -> m.merge(cell, v, Double::sum));
            filled.add(m);
        }
        Scale scale = scale(total, k);
        List<EmergingCell> cells = new EmergingHotSpots(filled, EmergingOptions.ofK(scale.k())).cells();
        double cases = 0;
        for (double v : total.values()) {
            cases += v;
        }
        return new EmergingResult(version, steps, scale, cells, Math.round(cases));
    }

    /** This period against the one of equal length before it. */
    public CompareResult compare(int resolution, Set<String> codes, Period current, Area area, int k, Kernel kernel,
                                 boolean fdr) {
        Period previous = current.previous();
        Input[] in = readOnly.execute(s -> {
            long version = dataVersion();
            TreeMap<Long, Double> now = studyArea(resolution, area);
            TreeMap<Long, Double> before = new TreeMap<>(now);
            addCounts(now, resolution, codes, current, area != null);
            addCounts(before, resolution, codes, previous, area != null);
            return new Input[] {new Input(version, before), new Input(version, now)};
        });
        requireCells(Math.max(in[0].values().size(), in[1].values().size()), "resolution");
        Scale scale = scale(in[1].values(), k);
        List<PeriodChange> changes = new PeriodComparison(in[0].values(), in[1].values(),
            HotspotOptions.ofK(scale.k()).withKernel(kernel).withFdr(fdr),
            (double) current.days() / previous.days()).changes();
        return new CompareResult(in[1].dataVersion(), current, previous, scale, changes);
    }

    /** The latest month with cases, as a period (the default of every endpoint's period). */
    public Period latestMonth() {
        LocalDate[] span = monthSpan();
        return new Period(span[1], span[1].plusMonths(1));
    }

    /** Every month with cases, first to last. */
    public Period allMonths() {
        LocalDate[] span = monthSpan();
        return new Period(span[0], span[1].plusMonths(1));
    }

    public Area area(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.trim();
        // Ids and statutory codes are ASCII digits (as AggregateFilters.area reads them); anything else is
        // refused here rather than sent to the database (a NUL in a bound text parameter is an SQL error).
        if (!s.matches("\\d{1,15}")) {
            throw new InvalidParameterException("area", "no admin area with id or code '" + v + "': ids and codes are digits");
        }
        List<Area> found;
        if (s.length() < 15) {
            found = jdbc.query(HotspotSql.AREA_BY_ID, (rs, i) -> new Area(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), Long.parseLong(s));
            if (found.isEmpty()) {
                found = byCode(s);
            }
        } else {
            found = byCode(s);
        }
        if (found.isEmpty()) {
            throw new InvalidParameterException("area", "no admin area with id or code '" + v + "'");
        }
        return found.get(0);
    }

    private List<Area> byCode(String code) {
        return jdbc.query(HotspotSql.AREA_BY_CODE, (rs, i) -> new Area(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4)), code);
    }

    private LocalDate[] monthSpan() {
        LocalDate[] span = jdbc.query(HotspotSql.MONTH_SPAN, rs -> {
            rs.next();
            return new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)};
        });
        if (span == null || span[0] == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No aggregates yet: run the aggregation job (./cg aggregate) first.");
        }
        return span;
    }

    private long dataVersion() {
        List<Long> v = jdbc.queryForList(HotspotSql.DATA_VERSION, Long.class);
        if (v.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No aggregates yet: run the aggregation job (./cg aggregate) first.");
        }
        return v.get(0);
    }

    /** The study cells at 0, sorted by cell id. */
    private TreeMap<Long, Double> studyArea(int resolution, Area area) {
        TreeMap<Long, Double> m = new TreeMap<>();
        if (area == null) {
            jdbc.query(HotspotSql.STUDY_CELLS, rs -> {
                m.put(rs.getLong(1), 0.0);
            }, resolution);
        } else {
            jdbc.query(HotspotSql.STUDY_CELLS_IN_AREA, rs -> {
                m.put(rs.getLong(1), 0.0);
            }, resolution, area.id());
        }
        return m;
    }

    /** Adds the period's cases; with an area only to the area's cells, else also to cells outside the study area. */
    private void addCounts(TreeMap<Long, Double> values, int resolution, Set<String> codes, Period period,
                           boolean areaOnly) {
        jdbc.query(HotspotSql.COUNTS, rs -> {
            long cell = rs.getLong(1);
            if (!areaOnly || values.containsKey(cell)) {
                values.merge(cell, rs.getDouble(2), Double::sum);
            }
        }, resolution, bucket(period), Date.valueOf(period.from()), Date.valueOf(period.toExclusive()),
            String.join(",", codes));
    }

    /** Month buckets for whole months, day buckets otherwise. */
    static String bucket(Period p) {
        return p.from().getDayOfMonth() == 1 && p.toExclusive().getDayOfMonth() == 1 ? "month" : "day";
    }

    /** Starts of the weeks (Mondays) or months that begin inside the period. */
    static List<LocalDate> steps(Period p, String step) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = step.equals("week") ? p.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
            : p.from().getDayOfMonth() == 1 ? p.from() : p.from().withDayOfMonth(1).plusMonths(1);
        for (; d.isBefore(p.toExclusive()); d = step.equals("week") ? d.plusWeeks(1) : d.plusMonths(1)) {
            out.add(d);
        }
        return out;
    }

    private void requireCells(int n, String parameter) {
        if (n > limits.maxCells()) {
            throw new InvalidParameterException(parameter, "the study area holds " + n + " cells, more than the limit of "
                + limits.maxCells() + "; choose a coarser resolution or an area");
        }
        if (n == 0) {
            throw new InvalidParameterException(parameter, "no study-area cells at this resolution"
                + " (run the aggregation job, or choose another area)");
        }
    }

    private Scale scale(TreeMap<Long, Double> values, int k) {
        if (k != HotspotParameters.AUTO) {
            return new Scale(k, false, "configured");
        }
        if (values.size() < 4) {
            return new Scale(1, true, "k=1: too few cells (" + values.size() + ") for the automatic scale");
        }
        ScaleChoice s = HotspotScale.choose(values, limits.autoKMax());
        return new Scale(s.k(), true, s.reason());
    }
}
