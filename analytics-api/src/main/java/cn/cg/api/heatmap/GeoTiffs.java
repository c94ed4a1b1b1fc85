package cn.cg.api.heatmap;

import cn.cg.api.heatmap.WebMercator.Box;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.media.jai.RasterFactory;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;

/** Float32 single-band GeoTIFFs in EPSG:3857 through GeoTools' coverage writer. */
final class GeoTiffs {

    private static volatile CoordinateReferenceSystem webMercator;

    private GeoTiffs() {
    }

    /** @param values row-major from the top-left cell, {@code width * height} of them */
    static byte[] write(String name, float[] values, int width, int height, Box box) {
        WritableRaster raster = RasterFactory.createBandedRaster(DataBuffer.TYPE_FLOAT, width, height, 1, null);
        raster.setSamples(0, 0, width, height, 0, values);
        ReferencedEnvelope env = new ReferencedEnvelope(box.minX(), box.maxX(), box.minY(), box.maxY(), crs());
        GridCoverage2D coverage = new GridCoverageFactory().create(name, raster, env);
        Path file = null;
        try {
            file = Files.createTempFile("cg-surface-", ".tif");
            GeoTiffWriter writer = new GeoTiffWriter(file.toFile());
            try {
                writer.write(coverage, null);
            } finally {
                writer.dispose();
                coverage.dispose(true);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static CoordinateReferenceSystem crs() {
        CoordinateReferenceSystem c = webMercator;
        if (c == null) {
            try {
                c = CRS.decode("EPSG:3857", true);
            } catch (FactoryException e) {
                throw new IllegalStateException("EPSG:3857 is not in the GeoTools EPSG database", e);
            }
            webMercator = c;
        }
        return c;
    }
}
