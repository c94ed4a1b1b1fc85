package cn.cg.api.feature;

import cn.cg.api.aggregate.AggregateFilters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cell aggregates, one collection per analysis resolution (7-10). */
@Configuration(proxyBeanMethods = false)
class CellCollections {

    @Bean
    FeatureCollection cellsR7(AggregateFilters filters) {
        return new CellCollection(7, filters);
    }

    @Bean
    FeatureCollection cellsR8(AggregateFilters filters) {
        return new CellCollection(8, filters);
    }

    @Bean
    FeatureCollection cellsR9(AggregateFilters filters) {
        return new CellCollection(9, filters);
    }

    @Bean
    FeatureCollection cellsR10(AggregateFilters filters) {
        return new CellCollection(10, filters);
    }
}
