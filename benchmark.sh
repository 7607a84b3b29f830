#!/usr/bin/env bash
# Measures the whole heatwire pipeline: a fresh single-node Kafka broker (KRaft), enrich-service
# from its packaged jar with its default settings (exactly-once on), and loadgen's documents
# published at full speed, then paced at half the measured maximum. Prints a table per corpus size
# and fails when the clusters the pipeline wrote differ from what loadgen planned.
#
#   ./benchmark.sh [--articles N[,N...]] [--seed S] [--partitions P] [--instances N] [--ceiling | --with-ceiling]
#                  [[--paced-rate R] [--warm-up N] | --no-latency] [--json FILE] [--work-dir DIR] [--keep]
#                  [--enrich-jvm-options "OPTS"] [--stall-seconds S]
#
# Default: 10,000 articles. The scale check is --articles 10000,100000,1000000. See
# docs/performance.md for how to read the table; --help lists every option.
set -euo pipefail

cd "$(dirname "$0")"

for arg in "$@"; do
  case "$arg" in
    -h|--help)
      if [ -f benchmarks/target/benchmarks.jar ]; then
        exec java -cp benchmarks/target/benchmarks.jar io.heatwire.benchmarks.pipeline.PipelineBenchmark --help
      fi
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
  esac
done

if ! command -v java >/dev/null 2>&1; then
  echo "benchmark.sh: java not found; install a JDK 17 or newer" >&2
  exit 2
fi

# --- build what is missing or older than its sources, as ./run.sh does ---------------
JARS=(local-kafka/target/local-kafka-exec.jar enrich-service/target/enrich-service.jar
      loadgen/target/loadgen.jar benchmarks/target/benchmarks.jar)
needs_build=false
for jar in "${JARS[@]}"; do
  module=${jar%%/*}
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" heatwire-article/src/main heatwire-article/pom.xml \
      heatwire-support/src/main heatwire-support/pom.xml heatwire-corpus/src/main heatwire-corpus/pom.xml pom.xml \
      -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  printf '\033[1m==> %s\033[0m\n' "Building heatwire (first run takes a few minutes; later runs only rebuild what changed)" >&2
  ./mvnw -B -q -Dmaven.test.skip=true -pl local-kafka,enrich-service,loadgen,benchmarks -am package
fi

# The corpus is memory-mapped, not on the heap; the heap holds the expected clusters and, while
# the outputs are checked, one partition's story keys at a time.
exec java -Xmx${BENCHMARK_HEAP:-3g} -cp benchmarks/target/benchmarks.jar \
  io.heatwire.benchmarks.pipeline.PipelineBenchmark "$@"
