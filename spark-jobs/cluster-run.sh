#!/usr/bin/env bash
# Starts a Spark standalone cluster on loopback from the project's own files -- one master and two workers, each a
# JVM of its own started from spark-jobs/target/simplij-spark.jar -- runs the generation job and the mining job on
# it, checks their output against the single-machine 'simplij generate' for the same seed and count (shards, length
# figure and decontamination report of a test set) and 'simplij mine' for a small configuration with free constants
# on top of the shipped 'small' rules (cmp, byte for byte), and stops the cluster. Needs JDK 17, Maven (the jars come from Maven Central) and curl. Not part of 'mvn test': see README.md.
#
#   spark-jobs/cluster-run.sh [COUNT [SEED]]       default 20000 records, seed 1
#
# Environment: MASTER_PORT (7177) and the web UI ports next to it (+1, +2, +3), WORKER_MEMORY (2g),
# WORK (a new temporary folder; kept when it is given).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-20000}"
seed="${2:-1}"
port="${MASTER_PORT:-7177}"
work="${WORK:-$(mktemp -d -t simplij-cluster.XXXXXX)}"
mkdir -p "$work"
export SPARK_LOCAL_IP=127.0.0.1
master="spark://127.0.0.1:$port"

"$root/simplij-spark" --help >/dev/null   # builds the jar when it is missing or stale
jar="$root/spark-jobs/target/simplij-spark.jar"

# A Spark home of the project's own: a worker starts each executor with SPARK_HOME/jars/* as its class path.
home="$work/spark-home"
mkdir -p "$home/jars"
ln -sf "$jar" "$home/jars/simplij-spark.jar"
export SPARK_HOME="$home"
# without it the command builder looks for a Spark source tree's build directories
export SPARK_SCALA_VERSION=2.13

pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap stop EXIT

java -cp "$jar" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port $((port + 1)) \
    >"$work/master.log" 2>&1 &
pids+=($!)
for w in 1 2; do
    mkdir -p "$work/worker-$w"
    java -cp "$jar" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory "${WORKER_MEMORY:-2g}" \
        --work-dir "$work/worker-$w" --webui-port $((port + 1 + w)) "$master" >"$work/worker-$w.log" 2>&1 &
    pids+=($!)
done
# at most 120 s for both workers to register, as the master's status page tells
alive() {
    curl -s "http://127.0.0.1:$((port + 1))/json/" | grep -c '"state" : "ALIVE"' || true
}
for _ in $(seq 120); do
    [[ "$(alive)" -ge 2 ]] && break
    sleep 1
done
if [[ "$(alive)" -lt 2 ]]; then
    echo "cluster-run: the workers did not register in 120 s; see $work/*.log" >&2
    exit 1
fi
echo "cluster-run: master $master with 2 workers (1 core each); logs in $work" >&2

tests="$root/sr-integration/src/main/resources/dev/simplij/sr/data/feynman-style-test-set.csv"
start=$(date +%s%N)
"$root/simplij-spark" generate --master "$master" --partitions 8 --count "$count" --seed "$seed" --test-set "$tests" \
    --out "$work/spark"
end=$(date +%s%N)
echo "cluster-run: generate on the cluster took $(( (end - start) / 1000000 )) ms" >&2

# the miner on the cluster: a small configuration (free constants, both stages on the executors; extending the
# shipped 'small' rules), written under the name the single-machine run then uses
mine=(--operators +,-,*,/,neg --leaves '_0,_1,0,1,<constant>' --max-source 4 --max-target 3 --samples 256 --seed 3
    --base small --quiet)
start=$(date +%s%N)
"$root/simplij-spark" mine --master "$master" --partitions 8 "${mine[@]}" --out "$work/small.rules"
end=$(date +%s%N)
echo "cluster-run: mine on the cluster took $(( (end - start) / 1000000 )) ms" >&2
mv "$work/small.rules" "$work/small.spark"

"$root/simplij" generate --quiet --count "$count" --seed "$seed" --test-set "$tests" --out "$work/single" >/dev/null
"$root/simplij" mine "${mine[@]}" --out "$work/small.rules" >/dev/null
status=0
if cmp "$work/small.rules" "$work/small.spark"; then
    echo "cluster-run: the cluster's rule file is the single-machine one, byte for byte"
else
    echo "cluster-run: the cluster's rule file differs from the single-machine one ($work)" >&2
    status=1
fi
same=1
for f in "$work"/single/shard-*.jsonl "$work"/single/lengths.png "$work"/single/decontamination.csv; do
    cmp "$f" "$work/spark/$(basename "$f")" || same=0
done
if [[ "$(ls "$work"/spark/shard-*.jsonl | wc -l)" != "$(ls "$work"/single/shard-*.jsonl | wc -l)" ]]; then
    same=0
fi
if [[ $same == 1 ]]; then
    echo "cluster-run: the cluster's shards, lengths.png and decontamination.csv are the single-machine ones, byte for byte"
else
    echo "cluster-run: the cluster's generate output differs from the single-machine one ($work)" >&2
    status=1
fi
exit $status
