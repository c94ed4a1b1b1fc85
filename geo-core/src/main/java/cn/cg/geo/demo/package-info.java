/**
 * A seeded, reproducible demo city (Shenzhen districts, synthetic layout) and a streaming generator of
 * city-management cases over 2025, written in the project's CSV format. See {@code docs/demo-city.md}.
 *
 * <p>Entry points: {@link cn.cg.geo.demo.DemoCity#shenzhen(long)}, {@link cn.cg.geo.demo.DemoCity#layers()},
 * {@link cn.cg.geo.demo.DemoCaseGenerator}, {@link cn.cg.geo.demo.ProjectCsv}, {@link cn.cg.geo.demo.GenerateCommand}.
 */
package cn.cg.geo.demo;
