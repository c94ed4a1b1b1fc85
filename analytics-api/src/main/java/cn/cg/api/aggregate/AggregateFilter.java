package cn.cg.api.aggregate;

import java.util.Set;

/**
 * What every aggregate reader filters by: categories (codes), a period of local days (null = all
 * stored months) and an admin area (null = everywhere). The aggregates have no source or status
 * dimension; {@link AggregateFilters} refuses those parameters rather than ignore them.
 */
public record AggregateFilter(Set<String> categories, Period period, Long areaId) {

    public AggregateFilter {
        categories = Set.copyOf(categories);
    }

    public BucketRange buckets() {
        return period == null ? BucketRange.allTime() : BucketRange.of(period);
    }

    public String[] categoryArray() {
        return categories.stream().sorted().toArray(String[]::new);
    }

    /** A stable text form for cache keys and ETags. */
    public String canonical() {
        return String.join(",", categoryArray()) + "|" + (period == null ? "all" : period.from() + "/" + period.toExclusive())
                + "|" + (areaId == null ? "" : areaId);
    }
}
