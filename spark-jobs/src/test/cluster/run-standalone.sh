#!/usr/bin/env bash
# Runs the aggregation job on a real Spark standalone cluster on this machine: a master and two workers
# (1 core, 1 GiB each) started from the job's Spark jars, the shaded job jar submitted with SparkSubmit,
# the output tables checked, the cluster stopped. Build first: mvn -pl spark-jobs -am package -DskipTests.
#
#   spark-jobs/src/test/cluster/run-standalone.sh --db-url JDBC [more AggregationJob args]
#
# Environment: CG_SPARK_MASTER_PORT (7077), CG_SPARK_WORK (a fresh temporary folder; kept on failure).
# Users with a Spark distribution skip all this and run its spark-submit the same way (docs/aggregation.md).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/../../.." && pwd)"
JAR=$(ls "$MODULE"/target/spark-jobs-*-job.jar 2>/dev/null | head -1)
CLASSPATH_FILE="$MODULE/target/local-classpath.txt"
[ -n "$JAR" ] && [ -f "$CLASSPATH_FILE" ] || { echo "build first: mvn -pl spark-jobs -am package -DskipTests" >&2; exit 2; }

DB_URL=""
for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--db-url" ] && { j=$((i + 1)); DB_URL="${!j}"; }; done
[ -n "$DB_URL" ] || { echo "usage: $0 --db-url JDBC [job args]" >&2; exit 2; }

PORT="${CG_SPARK_MASTER_PORT:-7077}"
WORK="${CG_SPARK_WORK:-$(mktemp -d /tmp/cg-spark-standalone.XXXXXX)}"
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"

# A SPARK_HOME whose jars/ is the job's Spark classpath (the project's own modules stay in the job jar).
export SPARK_HOME="$WORK/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars" "$WORK/logs"
{ tr ':' '\n' < "$CLASSPATH_FILE"; echo; } | while read -r j; do
  case "$j" in */cn/cg/*|*/target/classes|"") continue ;; esac
  ln -sf "$j" "$SPARK_HOME/jars/"
done

PIDS=()
stop() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop EXIT

wait_for() { # wait_for FILE PATTERN COUNT SECONDS
  local n
  for ((t = 0; t < $4 * 5; t++)); do
    n=$(grep -c "$2" "$1" 2>/dev/null || true)
    [ "${n:-0}" -ge "$3" ] && return 0
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1" >&2; tail -30 "$1" >&2; return 1
}

echo "standalone: master spark://127.0.0.1:$PORT, work folder $WORK" >&2
# shellcheck disable=SC2086
java $OPENS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$PORT" --webui-port 0 > "$WORK/logs/master.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/logs/master.log" "I have been elected leader" 1 60

for w in 1 2; do
  # shellcheck disable=SC2086
  java $OPENS -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 --work-dir "$WORK/worker$w" \
    "spark://127.0.0.1:$PORT" > "$WORK/logs/worker$w.log" 2>&1 &
  PIDS+=($!)
done
wait_for "$WORK/logs/master.log" "Registering worker" 2 60

# shellcheck disable=SC2086
java $OPENS -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$PORT" --deploy-mode client \
  --conf spark.driver.host=127.0.0.1 \
  --conf "spark.executor.extraJavaOptions=$OPENS" \
  --conf spark.executor.memory=768m --conf spark.cores.max=2 \
  --conf spark.sql.shuffle.partitions=4 \
  --class cn.cg.spark.aggregate.AggregationJob "$JAR" "$@" 2>&1 | tee "$WORK/logs/submit.log" | grep -E '^run [0-9]+ ' || {
  echo "the job failed; log: $WORK/logs/submit.log" >&2; tail -40 "$WORK/logs/submit.log" >&2; exit 1; }

# Executors ran on the workers (not in the driver).
grep -q "Asked to launch executor" "$WORK/logs/worker1.log" "$WORK/logs/worker2.log" \
  || { echo "no executor was launched on the workers" >&2; exit 1; }

# Check the output tables when psql is at hand (the IT checks them over JDBC as well).
PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1 || true)
if [ -n "$PSQL" ]; then
  hostport=${DB_URL#jdbc:postgresql://}; hostport=${hostport%%/*}
  db=${DB_URL#jdbc:postgresql://*/}; db=${db%%\?*}
  user=$(printf '%s' "$DB_URL" | sed -n 's/.*[?&]user=\([^&]*\).*/\1/p')
  check=$("$PSQL" -h "${hostport%%:*}" -p "${hostport##*:}" -U "${user:-$USER}" -d "$db" -qAt -c \
    "SELECT (SELECT count(*) FROM violation WHERE status <> 'void') = ALL (SELECT sum(cases) FROM agg_cell_current GROUP BY resolution, bucket)
            AND (SELECT status FROM agg_run ORDER BY run_id DESC LIMIT 1) = 'succeeded'")
  [ "$check" = t ] || { echo "output check failed: served counts do not add up to the cases" >&2; exit 1; }
  echo "standalone: output tables checked (cell counts add up to the cases at every resolution and bucket)" >&2
fi
[ -z "${CG_SPARK_WORK:-}" ] && rm -rf "$WORK"
exit 0
