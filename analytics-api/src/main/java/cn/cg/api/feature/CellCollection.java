package cn.cg.api.feature;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.CellSums;
import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.privacy.PublicCell;
import cn.cg.api.privacy.PublicCells;
import cn.cg.api.privacy.SmallCounts;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;

/** H3 cells of one resolution with their case counts over the datetime period (all months without it). */
class CellCollection implements FeatureCollection {

    private final int resolution;
    private final AggregateFilters filters;
    private final PublicCells publicCells;
    private final SmallCounts smallCounts;
    private final DataVersion version;

    CellCollection(int resolution, AggregateFilters filters, PublicCells publicCells, SmallCounts smallCounts, DataVersion version) {
        this.resolution = resolution;
        this.filters = filters;
        this.publicCells = publicCells;
        this.smallCounts = smallCounts;
        this.version = version;
    }

    @Override
    public String id() {
        return "cells-r" + resolution;
    }

    @Override
    public String title() {
        return "Cases per H3 cell, resolution " + resolution;
    }

    @Override
    public String description() {
        return "Counts from the served aggregation run per H3 cell (resolution " + resolution + "), summed over the "
                + "datetime period (whole months, else days; all stored months without datetime) and the categories "
                + "(codes, major codes or 'vendor'). Cells without cases are left out. area = cells whose centre lies in it.";
    }

    @Override
    public List<String> properties() {
        // Public answers say which cells are merged ancestors standing for small cells (docs/security.md).
        return smallCounts.applies() ? List.of("h3", "resolution", "cases", "period_start", "period_end", "merged")
                : List.of("h3", "resolution", "cases", "period_start", "period_end");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("categories", "area");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        AggregateFilter f = new AggregateFilter(filters.parseCategories(params.get("categories")),
                datetime == null ? null : datetime.period(), filters.area(params.get("area")));
        if (smallCounts.applies()) {
            return publicSource(f);
        }
        List<Object> binds = new ArrayList<>();
        binds.add(resolution);
        binds.add(new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().from().toString()));
        binds.add(new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().toExclusive().minusDays(1).toString()));
        binds.addAll(CellSums.binds(f, resolution));
        return new Source(FeatureSql.CELLS, binds);
    }

    private Source publicSource(AggregateFilter f) {
        List<PublicCell> cells = publicCells.cells(f, resolution, version.version());
        return new Source(FeatureSql.PUBLIC_CELLS, List.of(
                new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().from().toString()),
                new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().toExclusive().minusDays(1).toString()),
                cells.stream().map(PublicCell::cell).toArray(Long[]::new),
                cells.stream().map(PublicCell::resolution).toArray(Integer[]::new),
                cells.stream().map(PublicCell::cases).toArray(Long[]::new),
                cells.stream().map(PublicCell::merged).toArray(Boolean[]::new),
                cells.stream().map(PublicCell::wkb).toArray(byte[][]::new)));
    }
}
