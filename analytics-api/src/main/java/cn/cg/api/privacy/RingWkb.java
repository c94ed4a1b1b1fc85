package cn.cg.api.privacy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A polygon of one closed ring as little-endian WKB, for ST_GeomFromWKB: PostgreSQL reads it without the
 * parsing that WKT costs, and it is built without formatting a number. Only what {@link #polygon} writes is
 * read back by {@link #ring}.
 */
public final class RingWkb {

    private static final int POLYGON = 3;

    private RingWkb() {
    }

    /** @param xy the ring's vertices as x, y pairs, closed (the last pair equals the first) */
    public static byte[] polygon(double[] xy) {
        ByteBuffer b = ByteBuffer.allocate(13 + 8 * xy.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(POLYGON).putInt(1).putInt(xy.length / 2);
        for (double v : xy) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** The x, y pairs of a polygon written by {@link #polygon}. */
    public static double[] ring(byte[] wkb) {
        ByteBuffer b = ByteBuffer.wrap(wkb).order(ByteOrder.LITTLE_ENDIAN);
        double[] xy = new double[2 * b.getInt(9)];
        b.position(13);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = b.getDouble();
        }
        return xy;
    }
}
