package cn.cg.geo.demo;

/**
 * A named point of the synthetic layout around which cases cluster.
 *
 * @param kind     metro, market or street (busy places); residential; construction_site
 * @param name     Chinese name, e.g. 福田区兴华地铁站
 * @param district district name as in the layers, e.g. 福田区
 * @param lon      WGS-84 longitude
 * @param lat      WGS-84 latitude
 * @param spreadM  standard deviation, in metres, of the Gaussian cloud of cases around it
 */
public record Place(String kind, String name, String district, double lon, double lat, double spreadM) {}
