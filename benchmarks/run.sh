#!/usr/bin/env bash
# Builds the benchmarks module and runs every performance check of docs/performance.md, about two minutes on a
# 2-core machine: the interleaved end-to-end harness against the emulator (1, 10, 20 MiB), the heap-limit checks
# in child JVMs, and the JMH benchmarks. Arguments go to the runner, e.g. `benchmarks/run.sh e2e --rounds=2` or
# `benchmarks/run.sh jmh`. The Markdown report is printed and written to benchmarks/target/performance-report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true
exec java -jar benchmarks/target/benchmarks.jar "$@"
