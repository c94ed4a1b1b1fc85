package cn.cg.api.feature;

import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.privacy.PublicCells;
import cn.cg.api.privacy.SmallCounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cell aggregates, one collection per analysis resolution (7-10). */
@Configuration(proxyBeanMethods = false)
class CellCollections {

    @Bean
    FeatureCollection cellsR7(AggregateFilters filters, PublicCells cells, SmallCounts small, DataVersion version) {
        return new CellCollection(7, filters, cells, small, version);
    }

    @Bean
    FeatureCollection cellsR8(AggregateFilters filters, PublicCells cells, SmallCounts small, DataVersion version) {
        return new CellCollection(8, filters, cells, small, version);
    }

    @Bean
    FeatureCollection cellsR9(AggregateFilters filters, PublicCells cells, SmallCounts small, DataVersion version) {
        return new CellCollection(9, filters, cells, small, version);
    }

    @Bean
    FeatureCollection cellsR10(AggregateFilters filters, PublicCells cells, SmallCounts small, DataVersion version) {
        return new CellCollection(10, filters, cells, small, version);
    }
}
