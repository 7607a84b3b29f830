#!/usr/bin/env bash
# Runs the whole heatwire pipeline locally: a real single-node Kafka broker (KRaft),
# enrich-service and ingest-service; publishes a directory of article files (seeds/ by
# default), waits until the pipeline has processed it and prints a summary.
#
#   ./run.sh [DIR] [--once] [--kafka-port N] [--ingest-port N] [--enrich-port N] [--data-dir DIR]
#
# Without --once it keeps running until Ctrl-C, which stops everything cleanly.
set -euo pipefail

cd "$(dirname "$0")"

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

INPUT=seeds
ONCE=false
KAFKA_PORT=${KAFKA_PORT:-9092}
INGEST_PORT=${INGEST_PORT:-8081}
ENRICH_PORT=${ENRICH_PORT:-8082}
DATA_DIR=${HEATWIRE_DATA_DIR:-.heatwire}
while [ $# -gt 0 ]; do
  case "$1" in
    --once) ONCE=true ;;
    --kafka-port) KAFKA_PORT=${2:?--kafka-port needs a port}; shift ;;
    --ingest-port) INGEST_PORT=${2:?--ingest-port needs a port}; shift ;;
    --enrich-port) ENRICH_PORT=${2:?--enrich-port needs a port}; shift ;;
    --data-dir) DATA_DIR=${2:?--data-dir needs a directory}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) INPUT=$1 ;;
  esac
  shift
done
CONTROLLER_PORT=$((KAFKA_PORT + 1))
BOOTSTRAP=127.0.0.1:$KAFKA_PORT

if [ ! -e "$INPUT" ]; then
  echo "run.sh: $INPUT does not exist; give a directory or file of article documents (default: seeds/)" >&2
  exit 2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: java not found; install a JDK 17 or newer" >&2
  exit 2
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# --- build what is missing or older than its sources --------------------------------
JARS=(local-kafka/target/local-kafka-exec.jar ingest-service/target/ingest-service.jar enrich-service/target/enrich-service.jar)
needs_build=false
for jar in "${JARS[@]}"; do
  module=${jar%%/*}
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" heatwire-article/src/main heatwire-article/pom.xml pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  say "Building heatwire (first run takes a few minutes; later runs only rebuild what changed)"
  ./mvnw -B -q -Dmaven.test.skip=true -pl local-kafka,ingest-service,enrich-service -am package
fi

# --- ports ---------------------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for spec in "$KAFKA_PORT:Kafka:--kafka-port" "$CONTROLLER_PORT:the Kafka controller (Kafka port + 1):--kafka-port" \
            "$INGEST_PORT:ingest-service:--ingest-port" "$ENRICH_PORT:enrich-service:--enrich-port"; do
  IFS=: read -r port what flag <<<"$spec"
  if port_busy "$port"; then
    echo "run.sh: port $port for $what is already in use (another heatwire or Kafka still running?)." >&2
    echo "        Stop it, or pick another port: ./run.sh $flag <port>" >&2
    exit 3
  fi
done

mkdir -p "$DATA_DIR/logs"
DATA_ABS=$(cd "$DATA_DIR" && pwd)
LOGS=$DATA_DIR/logs
PIDS=()

stop_all() {
  trap - INT TERM EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "Stopping heatwire"
    # services first, the broker last, so they can commit and leave their groups cleanly
    for ((i=${#PIDS[@]}-1; i>=0; i--)); do
      kill -TERM "${PIDS[$i]}" 2>/dev/null || true
      for _ in $(seq 1 300); do
        kill -0 "${PIDS[$i]}" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL "${PIDS[$i]}" 2>/dev/null || true
    done
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# wait_for NAME PID SECONDS COMMAND...: polls COMMAND until it succeeds, the process dies or time runs out
wait_for() {
  local name=$1 pid=$2 seconds=$3 log=$4
  shift 4
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name exited during start-up; the last lines of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "run.sh: $name did not become ready within ${seconds}s; see $log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

say "Starting Kafka (KRaft, single node) on $BOOTSTRAP, data in $DATA_DIR/kafka"
java -Xms256m -Xmx1g -jar local-kafka/target/local-kafka-exec.jar \
  --port "$KAFKA_PORT" --controller-port "$CONTROLLER_PORT" --data-dir "$DATA_DIR/kafka" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
wait_for Kafka "${PIDS[-1]}" 120 "$LOGS/kafka.log" grep -q "Kafka broker ready" "$LOGS/kafka.log"

KAFKA_ARGS=(--spring.kafka.bootstrap-servers="$BOOTSTRAP")

say "Starting enrich-service on port $ENRICH_PORT (log: $LOGS/enrich-service.log)"
java -Xmx1g -jar enrich-service/target/enrich-service.jar "${KAFKA_ARGS[@]}" --server.port="$ENRICH_PORT" \
  --spring.kafka.streams.state-dir="$DATA_ABS/enrich-state" >"$LOGS/enrich-service.log" 2>&1 &
PIDS+=($!)

say "Starting ingest-service on port $INGEST_PORT, spool directory $DATA_DIR/spool (log: $LOGS/ingest-service.log)"
mkdir -p "$DATA_DIR/spool"
java -Xmx512m -jar ingest-service/target/ingest-service.jar "${KAFKA_ARGS[@]}" --server.port="$INGEST_PORT" \
  --heatwire.ingest.spool.dir="$DATA_ABS/spool" >"$LOGS/ingest-service.log" 2>&1 &
PIDS+=($!)

wait_for enrich-service "${PIDS[1]}" 120 "$LOGS/enrich-service.log" curl -fsS "http://127.0.0.1:$ENRICH_PORT/actuator/health/readiness"
wait_for ingest-service "${PIDS[2]}" 120 "$LOGS/ingest-service.log" curl -fsS "http://127.0.0.1:$INGEST_PORT/actuator/health/readiness"

say "Publishing $INPUT"
set +e
java -jar ingest-service/target/ingest-service.jar publish "${KAFKA_ARGS[@]}" "$INPUT"
published=$?
set -e
if [ $published -ne 0 ]; then
  echo "run.sh: some documents were not published (exit code $published); the pipeline keeps what was" >&2
fi

say "Waiting for the pipeline to process everything"
java -jar enrich-service/target/enrich-service.jar summary --bootstrap-servers "$BOOTSTRAP" --wait-seconds 180

cat <<EOF

  ingest-service  http://localhost:$INGEST_PORT/api/articles (POST a document)
                  http://localhost:$INGEST_PORT/actuator/health
                  http://localhost:$INGEST_PORT/actuator/prometheus
                  spool directory: $DATA_DIR/spool (drop files here)
  enrich-service  http://localhost:$ENRICH_PORT/ (the hot clusters page)
                  http://localhost:$ENRICH_PORT/api/clusters/hot (query API, every endpoint in README.md)
                  http://localhost:$ENRICH_PORT/v3/api-docs (the API's OpenAPI description)
                  http://localhost:$ENRICH_PORT/actuator/health
                  http://localhost:$ENRICH_PORT/actuator/prometheus
  Kafka           $BOOTSTRAP   e.g. kcat -b localhost:$KAFKA_PORT -C -t heatwire.articles.raw -e -J
  logs            $LOGS/

EOF

if $ONCE; then
  exit $published
fi
say "heatwire is running; press Ctrl-C to stop"
while true; do
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: a process stopped unexpectedly; see $LOGS/" >&2
      exit 1
    fi
  done
  sleep 2
done
