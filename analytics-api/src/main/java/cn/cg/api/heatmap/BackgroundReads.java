package cn.cg.api.heatmap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the tile paths' in-memory copies share ({@link TileCellIndexes}, {@link CellBoundaries}, {@link
 * TileHotspots}): their reads run on threads of their own, and a tile takes a copy only once its read is done,
 * making the tile another way meanwhile, so that no request waits for a read of a second or more.
 */
final class BackgroundReads {

    private BackgroundReads() {
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ...: a read holds a connection for its length. */
    static Executor threads(String name, int count) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The read's result when it is done; null while it runs, and when it failed (the cache then drops it). */
    static <V> V ifDone(CompletableFuture<V> read) {
        return read.isDone() && !read.isCompletedExceptionally() ? read.join() : null;
    }
}
