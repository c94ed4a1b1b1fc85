package cn.cg.api.feature;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.AggregateFilters;
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

    CellCollection(int resolution, AggregateFilters filters) {
        this.resolution = resolution;
        this.filters = filters;
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
        return List.of("h3", "resolution", "cases", "period_start", "period_end");
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
        List<Object> binds = new ArrayList<>();
        binds.add(resolution);
        binds.add(new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().from().toString()));
        binds.add(new SqlParameterValue(Types.VARCHAR, f.period() == null ? null : f.period().toExclusive().minusDays(1).toString()));
        binds.add(resolution);
        binds.add(f.categoryArray());
        binds.addAll(f.buckets().binds());
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        return new Source(FeatureSql.CELLS, binds);
    }
}
