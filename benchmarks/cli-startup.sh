#!/usr/bin/env bash
# faceid result against a local emulator: the launcher (cli/target/faceid: CDS archive + short-lived JIT settings)
# versus `java -jar cli/target/faceid-cli.jar` with the same arguments. The variants run alternately, round after
# round, in one session; prints each variant's median wall time and the ratio. Needs `./mvnw -pl cli -am package`.
#   benchmarks/cli-startup.sh [ROUNDS=21] [extra variant as "name=java options" ...]
# e.g. benchmarks/cli-startup.sh 21 "serial-c1=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-21}
shift || true
jar=cli/target/faceid-cli.jar
launcher=cli/target/faceid
[ -x "$launcher" ] && [ -f "$jar" ] || { echo "no $launcher; run ./mvnw -pl cli -am package" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
"$java" -jar "$jar" emulator --port "$port" > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q 'Press Ctrl-C' "$log" && break; sleep 0.1; done
export TENCENTCLOUD_SECRET_ID=$(sed -n 's/^SecretId: //p' "$log")
export TENCENTCLOUD_SECRET_KEY=$(sed -n 's/.*TENCENTCLOUD_SECRET_KEY=//p' "$log")
args=(result passed-bench --region ap-singapore --endpoint "http://127.0.0.1:$port")

names=("java -jar" "launcher")
cmds=("$java -jar $jar" "$launcher")
for extra in "$@"; do names+=("${extra%%=*}"); cmds+=("$java ${extra#*=} -jar $jar"); done

declare -A times
for r in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    start=$(date +%s%N)
    ${cmds[$i]} "${args[@]}" > /dev/null || { echo "${names[$i]} failed" >&2; exit 1; }
    end=$(date +%s%N)
    times[$i]+="$(( (end - start) / 1000000 )) "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
base=$(median "${times[0]}")
echo "faceid ${args[*]:0:4} ...: $rounds alternated rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %s | %s | %s |\n| --- | --- | --- |\n' variant "median wall ms" "x java -jar"
for i in "${!names[@]}"; do
  m=$(median "${times[$i]}")
  printf '| %s | %s | %s |\n' "${names[$i]}" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2f", a/b}')"
done
