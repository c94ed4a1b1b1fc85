#!/usr/bin/env python3
"""Builds the MCLP golden instances from the San Francisco police incidents (December 2018).

Projection: equirectangular around the mean latitude/longitude of the points (x = R*dlon*cos(lat0),
y = R*dlat, R = 6371008.8 m); over San Francisco's ~12 km the scale error is < 0.1 %, irrelevant for a
test instance. Incidents are aggregated to a 400 m grid: one demand point per occupied cell at the
cell's mean position (rounded to whole metres), weight = incident count. Candidate sites = every third
demand point (in row-major cell order), so candidates spread over the city. Coverage: integer test
dx^2 + dy^2 <= R^2, which the Java side reproduces exactly (sqrt of an exact integer sum).

Writes demand.csv, sites.csv, cases.csv and one GLPK MathProg data file per case (for mclp.mod).
Usage: python3 generate.py [path/to/sf-police-incidents-2018-12.csv]
"""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../testdata/sf-police-incidents-2018-12.csv")
CELL = 400.0
EARTH = 6371008.8
# name, radius (m), p (new sites), required site ids (existing stations)
CASES = [("r500-p5", 500, 5, []), ("r500-p10", 500, 10, []), ("r1000-p10", 1000, 10, []),
         ("r1000-p5-req3", 1000, 5, [0, 40, 80])]

pts = []
with open(SRC, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        lat, lon = row["Latitude"].strip(), row["Longitude"].strip()
        if not lat or not lon:
            continue
        lat, lon = float(lat), float(lon)
        if not (37.6 < lat < 37.85 and -122.55 < lon < -122.35):
            continue  # outside San Francisco (bad geocodes)
        pts.append((lat, lon))
lat0 = sum(p[0] for p in pts) / len(pts)
lon0 = sum(p[1] for p in pts) / len(pts)
k = math.cos(math.radians(lat0))
cells = {}
for lat, lon in pts:
    x = EARTH * math.radians(lon - lon0) * k
    y = EARTH * math.radians(lat - lat0)
    key = (math.floor(y / CELL), math.floor(x / CELL))
    c = cells.setdefault(key, [0.0, 0.0, 0])
    c[0] += x
    c[1] += y
    c[2] += 1
demand = []
for key in sorted(cells):
    sx, sy, cnt = cells[key]
    demand.append((round(sx / cnt), round(sy / cnt), cnt))
sites = [(i, demand[i][0], demand[i][1]) for i in range(0, len(demand), 3)]

with open(os.path.join(HERE, "demand.csv"), "w", newline="") as f:
    f.write("# SF police incidents 2018-12 on a 400 m grid; x,y metres (equirectangular, lat0=%.6f lon0=%.6f)\n" % (lat0, lon0))
    f.write("id,x,y,weight\n")
    for i, (x, y, w) in enumerate(demand):
        f.write("%d,%d,%d,%d\n" % (i, x, y, w))
with open(os.path.join(HERE, "sites.csv"), "w", newline="") as f:
    f.write("id,demand_id,x,y\n")
    for j, (i, x, y) in enumerate(sites):
        f.write("%d,%d,%d,%d\n" % (j, i, x, y))
with open(os.path.join(HERE, "cases.csv"), "w", newline="") as f:
    f.write("name,radius,p,required\n")
    for name, r, p, req in CASES:
        f.write("%s,%d,%d,%s\n" % (name, r, p, " ".join(map(str, req))))

for name, r, p, req in CASES:
    with open(os.path.join(HERE, name + ".dat"), "w") as f:
        f.write("# %s: %d demand points, %d sites, radius %d m, p = %d new sites, required %s\n"
                % (name, len(demand), len(sites), r, p, req))
        f.write("data;\n")
        f.write("param p := %d;\n" % p)
        f.write("set I := %s;\n" % " ".join(str(i) for i in range(len(demand))))
        f.write("set J := %s;\n" % " ".join(str(j) for j in range(len(sites))))
        f.write("set REQ := %s;\n" % " ".join(map(str, req)))
        f.write("param w :=\n%s;\n" % "\n".join("%d %d" % (i, d[2]) for i, d in enumerate(demand)))
        for i, (x, y, _) in enumerate(demand):
            near = [j for j, (_, sx, sy) in enumerate(sites) if (x - sx) ** 2 + (y - sy) ** 2 <= r * r]
            f.write("set N[%d] := %s;\n" % (i, " ".join(map(str, near))))
        f.write("end;\n")
print("points=%d demand=%d sites=%d lat0=%.6f lon0=%.6f" % (len(pts), len(demand), len(sites), lat0, lon0))
