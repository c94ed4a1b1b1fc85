#!/bin/sh
# Regenerates the SF MCLP instances and their exact optima (GLPK, apt-get install glpk-utils).
# Writes golden.csv: name,radius,p,required,optimum. The JUnit test only reads the committed files.
set -eu
cd "$(dirname "$0")"
python3 generate.py "$@"
echo "name,radius,p,required,optimum" > golden.csv
tail -n +2 cases.csv | while IFS=, read -r name radius p req; do
  glpsol --math mclp.mod --data "$name.dat" --output "$name.sol" > "$name.log"
  grep -q "INTEGER OPTIMAL" "$name.sol" || { echo "$name: glpsol did not prove optimality" >&2; exit 1; }
  obj=$(sed -n 's/^Objective:  *covered = \([0-9.e+-]*\).*/\1/p' "$name.sol")
  echo "$name,$radius,$p,$req,$obj" >> golden.csv
  rm -f "$name.sol" "$name.log"
  echo "$name optimum=$obj"
done
