/**
 * The hotspot job: Gi* per month and emerging hot-spot classes for every resolution and category set
 * of the served aggregation run, computed with geo-core's {@code cn.cg.geo.hotspot} classes and
 * switched into PostGIS atomically (V20__hotspots.sql).
 */
package cn.cg.spark.hotspot;
