#!/usr/bin/env bash
# Makes DataFrom39Test's fixture: the ./data of the 3.9 platform's all-in-one app (Boot 3.5.16,
# Kafka 3.9.2) after a small authority's history is applied, zipped, and what that app answered
# just before it stopped. Usage, from the repository:
#   services/app/make-data-3.9-fixture.sh COMMIT_OF_THE_3.9_PLATFORM   (4c60311 made the one in git)
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
commit=$1
work=${TMPDIR:-/tmp}/caseclock-data39
port=8097
rm -rf "$work" && git -C "$repo" worktree add -f --detach "$work/src" "$commit" >/dev/null
( cd "$work/src" && ./mvnw -q -pl services/app -am package -Dmaven.test.skip=true )
java -jar "$work/src/services/app/target/app-0.1.0-SNAPSHOT.jar" --server.port=$port \
  --caseclock.local.data-dir="$work/data" --caseclock.simulator.state-file="$work/data/simulator-run.json" \
  --caseclock.simulator.open-cases=40 --caseclock.simulator.catch-up=0s > "$work/app.log" 2>&1 &
app=$!
trap 'kill -TERM $app 2>/dev/null || true' EXIT
until grep -q "back-fill sent" "$work/app.log"; do sleep 2; done
# Settled: every accepted event applied, twice in a row 5 s apart.
last=""
while sleep 5; do
  s=$(curl -s localhost:$port/api/status)
  read -r accepted applied < <(echo "$s" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["accepted"], d["applied"])')
  [ "$accepted" = "$applied" ] && [ "$s" = "$last" ] && break
  last=$s
done
months=$(python3 -c 'import datetime as d; t=d.date.today().replace(day=1); p=(t-d.timedelta(days=1)).replace(day=1); q=(p-d.timedelta(days=1)).replace(day=1); print(q.strftime("%Y-%m"), p.strftime("%Y-%m"))')
{
  echo "{\"status\": $s, \"months\": {"
  sep=""
  for m in $months; do
    echo "$sep\"$m\": $(curl -s "localhost:$port/api/indicators?scope=LA&period=$m")"; sep=","
  done
  echo "}}"
} > "$work/figures.json"
kill -TERM $app; wait $app || true
trap - EXIT
out="$repo/services/app/src/test/resources"
mkdir -p "$out"
python3 -m json.tool "$work/figures.json" > "$out/data-3.9-figures.json"
( cd "$work/data" && rm -f "$out/data-3.9.zip" && zip -qr "$out/data-3.9.zip" . )
git -C "$repo" worktree remove --force "$work/src"
ls -la "$out/data-3.9.zip" "$out/data-3.9-figures.json"
