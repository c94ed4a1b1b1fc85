package cn.cg.api.heatmap;

import cn.cg.api.system.CgProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles in memory, bounded by bytes. Keys start with the data version, so a new run's tiles
 * never meet an old run's; old entries age out by size.
 */
@Component
class TileCache {

    private final Cache<String, byte[]> tiles;

    TileCache(CgProperties properties) {
        this.tiles = Caffeine.newBuilder()
                .maximumWeight(properties.tiles().cacheMaxSize().toBytes())
                .weigher((String k, byte[] v) -> v.length + k.length() * 2 + 64)
                .recordStats()
                .build();
    }

    byte[] get(String key, Supplier<byte[]> render) {
        return tiles.get(key, k -> render.get());
    }

    /** Forgets every tile (after the start-up warm-up, whose tiles no one asked for). */
    void clear() {
        tiles.invalidateAll();
    }

    /** Tiles held now. */
    long size() {
        tiles.cleanUp();
        return tiles.estimatedSize();
    }

    long hits() {
        return tiles.stats().hitCount();
    }
}
