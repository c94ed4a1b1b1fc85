/** Plain-Java spatial maths shared by the Spark jobs and the API: grids, coordinates, statistics, solvers. */
package cn.cg.geo;
