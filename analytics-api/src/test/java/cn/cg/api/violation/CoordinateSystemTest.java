package cn.cg.api.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoordinateSystemTest {

    /**
     * One known point per CGCS2000 3-degree Gauss-Kruger zone (EPSG:4534 = 75E ... EPSG:4554 = 135E),
     * easting first. Expected values from GDAL/PROJ ({@code gdaltransform -s_srs EPSG:z -t_srs EPSG:4326
     * -output_xy}): (412345.6, 2523456.7) -> (CM - 0.853747874717, 22.8073548434376) and
     * (500000, 2500000) -> (CM, 22.5978229066729).
     */
    @Test
    void everyGaussKrugerZoneMapsItsKnownPoints() {
        for (int code = 4534; code <= 4554; code++) {
            double centralMeridian = 75 + 3 * (code - 4534);
            CoordinateSystem crs = CoordinateSystem.parse("EPSG:" + code);
            double[] onMeridian = crs.toWgs84(500000, 2500000);
            assertThat(onMeridian[0]).as("EPSG:%d", code).isCloseTo(centralMeridian, within(1e-9));
            assertThat(onMeridian[1]).as("EPSG:%d", code).isCloseTo(22.5978229066729, within(1e-7));
            double[] west = crs.toWgs84(412345.6, 2523456.7);
            assertThat(west[0]).as("EPSG:%d", code).isCloseTo(centralMeridian - 0.853747874717, within(1e-7));
            assertThat(west[1]).as("EPSG:%d", code).isCloseTo(22.8073548434376, within(1e-7));
        }
    }

    @Test
    void namesAndUnknowns() {
        assertThat(CoordinateSystem.parse(null).id()).isEqualTo("wgs84");
        assertThat(CoordinateSystem.parse("GCJ-02").id()).isEqualTo("gcj02");
        assertThat(CoordinateSystem.parse("bd09").id()).isEqualTo("bd09");
        assertThat(CoordinateSystem.parse("epsg:4547").id()).isEqualTo("EPSG:4547");
        assertThatThrownBy(() -> CoordinateSystem.parse("utm")).isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown coordinate system 'utm'");
        assertThatThrownBy(() -> CoordinateSystem.parse("EPSG:999999")).isInstanceOf(ImportException.class);
    }
}
