package cn.cg.geo.hotspot;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One shared H3Core: loading the native library is slow, and H3Core holds no state. */
final class H3Grid {

  private H3Grid() {}

  private static final class Holder {
    static final H3Core CORE = load();

    private static H3Core load() {
      try {
        return H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the H3 native library", e);
      }
    }
  }

  static H3Core core() {
    return Holder.CORE;
  }
}
