/** Spark jobs and what they share: session set-up and PostgreSQL access (partitioned reads, COPY writes). */
package cn.cg.spark;
