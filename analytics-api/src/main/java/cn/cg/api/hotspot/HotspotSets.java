package cn.cg.api.hotspot;

import cn.cg.api.aggregate.CategoryCatalog;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The category sets the Spark hotspot job analyses ({@code all}, {@code vendor}: HotspotJob, V20) and
 * which of them a request's category codes are, so that readers of its stored results pick the group
 * that matches the request.
 */
@Component
public class HotspotSets {

    public static final String ALL = "all";
    public static final String VENDOR = "vendor";

    private final CategoryCatalog catalog;

    HotspotSets(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    /** The stored set whose codes are exactly these, or empty when the job computed none for them. */
    public Optional<String> exactly(Set<String> codes) {
        Set<String> all = new TreeSet<>();
        Set<String> vendor = new TreeSet<>();
        for (CategoryCatalog.Category c : catalog.all()) {
            all.add(c.code());
            if (c.vendorRelated()) {
                vendor.add(c.code());
            }
        }
        Set<String> asked = new TreeSet<>(codes);
        if (asked.equals(all)) {
            return Optional.of(ALL);
        }
        return asked.equals(vendor) ? Optional.of(VENDOR) : Optional.empty();
    }

    /** The set for map bins: the matching one, else the overall set (the bins then describe all cases). */
    public String forBins(Set<String> codes) {
        return exactly(codes).orElse(ALL);
    }
}
