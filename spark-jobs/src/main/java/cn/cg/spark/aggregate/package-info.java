/**
 * The grid and area aggregation job (issue 3): violations from PostGIS -> counts per H3 cell, admin
 * area, category and time bucket -> PostGIS, written as a versioned run and switched atomically.
 */
package cn.cg.spark.aggregate;
