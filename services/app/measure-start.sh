#!/usr/bin/env bash
# Start-to-data of the all-in-one app, as a newcomer meets it: a fresh clone, the README's first
# command, then /api/indicators?scope=LA and /api/status polled every 2 s. Prints when the jar was
# built, when the first figure appeared, and when every event sent was applied (all figures final).
# Usage: services/app/measure-start.sh [OPEN_CASES]   (run from the repository; uses port 8080
# and a scratch clone in ${TMPDIR:-/tmp}/caseclock-start; stops the app at the end)
set -u
repo=$(git rev-parse --show-toplevel)
dir=${TMPDIR:-/tmp}/caseclock-start
rm -rf "$dir" && git clone -q "$repo" "$dir" && cd "$dir" || exit 1
t0=$(date +%s)
./mvnw -q -pl services/app -am package -Dmaven.test.skip=true > build.log 2>&1 || { cat build.log; exit 1; }
echo "built at $(( $(date +%s) - t0 )) s"
java -Xmx1g -jar services/app/target/app-0.1.0-SNAPSHOT.jar ${1:+--caseclock.simulator.open-cases=$1} > app.log 2>&1 &
app=$!
trap 'kill -TERM $app 2>/dev/null; wait $app' EXIT
first=""
while sleep 2; do
  now=$(( $(date +%s) - t0 ))
  if [ -z "$first" ] && curl -s "localhost:8080/api/indicators?scope=LA" | python3 -c \
      'import sys,json; sys.exit(0 if any(i["value"] is not None for i in json.load(sys.stdin)["indicators"]) else 1)' 2>/dev/null; then
    first=$now; echo "first figures at $now s"
  fi
  read -r accepted applied < <(curl -s localhost:8080/api/status | python3 -c \
      'import sys,json; d=json.load(sys.stdin); print(d["accepted"], d["applied"])' 2>/dev/null) || continue
  if grep -q "catch-up sent" app.log && [ "$accepted" = "$applied" ] && [ "$accepted" != 0 ]; then
    echo "history applied at $now s ($accepted events)"; break
  fi
  [ "$now" -gt 900 ] && { echo "gave up at $now s"; break; }
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
