#!/usr/bin/env bash
# Runs benchmarks.jar and keeps the result next to the benchmarks, with what is needed to judge it:
# date, JDK, machine, load, git commit and the exact command.
#   jmh/record.sh NAME [JMH OPTIONS...]     e.g.  jmh/record.sh simplify-by-size SimplifyBySize -f 1 -wi 3 -i 5
# Writes jmh/results/<date>-NAME.txt (header + JMH's human-readable output) and .json (machine-readable).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: jmh/record.sh NAME [JMH OPTIONS...]}
shift
jar=jmh/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -pl jmh -am package -DskipTests
stem="jmh/results/$(date -u +%Y-%m-%d)-$name"
{
  echo "# $name"
  echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- matcher-runtime rule-miner rulesets jmh 2>/dev/null || echo ' (working tree differs)')"
  echo "jdk:     $(java -version 2>&1 | sed -n 2p)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min at start; other builds share the cores)"
  echo "command: java -jar $jar $* -rf json -rff $stem.json"
  echo
} > "$stem.txt"
# Run a private copy: a concurrent `mvn package` may rewrite the jar under a running JVM.
copy=$(mktemp --suffix=.jar)
trap 'rm -f "$copy"' EXIT
cp "$jar" "$copy"
java -jar "$copy" "$@" -rf json -rff "$stem.json" | tee -a "$stem.txt"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$stem.txt"
# Keep the scores, percentiles and settings; drop the per-call raw samples (megabytes in sample mode).
if command -v jq >/dev/null; then
  jq 'map(del(.primaryMetric.rawData, .primaryMetric.rawDataHistogram)
      | .secondaryMetrics |= with_entries(.value |= del(.rawData, .rawDataHistogram)))' "$stem.json" > "$stem.json.tmp"
  mv "$stem.json.tmp" "$stem.json"
fi
echo "recorded $stem.txt and $stem.json"
