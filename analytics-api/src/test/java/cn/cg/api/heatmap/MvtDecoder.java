package cn.cg.api.heatmap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough of the Mapbox Vector Tile 2.1 protobuf to read layers, attributes and geometry types. */
final class MvtDecoder {

    record Feature(int type, Map<String, Object> attributes, List<Long> geometry) {
    }

    record Layer(String name, int extent, List<Feature> features) {
    }

    private final byte[] buf;
    private int pos;
    private final int end;

    private MvtDecoder(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    static List<Layer> decode(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        MvtDecoder d = new MvtDecoder(tile, 0, tile.length);
        while (d.pos < d.end) {
            long key = d.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                layers.add(d.sub().layer());
            } else {
                d.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<int[]> rawFeatures = new ArrayList<>(); // {type}
        List<List<Integer>> tags = new ArrayList<>();
        List<List<Long>> geoms = new ArrayList<>();
        while (pos < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> name = sub().string();
                case 2 -> {
                    MvtDecoder f = sub();
                    int type = 0;
                    List<Long> geom = new ArrayList<>();
                    List<Integer> t = new ArrayList<>();
                    while (f.pos < f.end) {
                        long k = f.varint();
                        int ff = (int) (k >>> 3);
                        if (ff == 2) {
                            MvtDecoder p = f.sub();
                            while (p.pos < p.end) {
                                t.add((int) p.varint());
                            }
                        } else if (ff == 3) {
                            type = (int) f.varint();
                        } else if (ff == 4) {
                            MvtDecoder p = f.sub();
                            while (p.pos < p.end) {
                                geom.add(p.varint());
                            }
                        } else {
                            f.skip((int) (k & 7));
                        }
                    }
                    rawFeatures.add(new int[] {type});
                    geoms.add(geom);
                    tags.add(t);
                }
                case 3 -> keys.add(sub().string());
                case 4 -> values.add(sub().value());
                case 5 -> extent = (int) varint();
                default -> skip((int) (key & 7));
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < rawFeatures.size(); i++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            List<Integer> t = tags.get(i);
            for (int j = 0; j + 1 < t.size(); j += 2) {
                attrs.put(keys.get(t.get(j)), values.get(t.get(j + 1)));
            }
            features.add(new Feature(rawFeatures.get(i)[0], attrs, geoms.get(i)));
        }
        return new Layer(name, extent, features);
    }

    private Object value() {
        Object v = null;
        while (pos < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> v = sub().string();
                case 2 -> {
                    v = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
                    pos += 4;
                }
                case 3 -> {
                    v = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
                    pos += 8;
                }
                case 4, 5 -> v = varint();
                case 6 -> {
                    long z = varint();
                    v = (z >>> 1) ^ -(z & 1);
                }
                case 7 -> v = varint() != 0;
                default -> skip((int) (key & 7));
            }
        }
        return v;
    }

    private String string() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(buf, pos, end - pos);
        pos = end;
        return out.toString(StandardCharsets.UTF_8);
    }

    private MvtDecoder sub() {
        int len = (int) varint();
        MvtDecoder d = new MvtDecoder(buf, pos, pos + len);
        pos += len;
        return d;
    }

    private long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> pos += (int) varint();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
