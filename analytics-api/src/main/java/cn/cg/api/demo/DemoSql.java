package cn.cg.api.demo;

/** The statements that load the demo city's layers. */
final class DemoSql {

    static final String CASES = "SELECT count(*) FROM violation";
    static final String AREAS = "SELECT count(*) FROM admin_area";

    static final String DISTRICT = """
            INSERT INTO admin_area (level, code, name, geom)
            VALUES ('district', ?, ?, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromText(?, 4326)), 3)))""";

    static final String STATION = """
            INSERT INTO station (kind, name, geom, capacity, opened_at)
            VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, DATE '2024-01-01')""";

    static final String EXCLUSION = """
            INSERT INTO exclusion_zone (kind, name, buffer_m, geom) VALUES (?, ?, ?, ST_GeomFromText(?, 4326))""";

    static final String CANDIDATE = """
            INSERT INTO candidate_site (kind, name, geom, capacity, source, notes)
            VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, 'demo', 'demo city planner proposal')""";

    private DemoSql() {
    }
}
