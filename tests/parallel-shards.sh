#!/usr/bin/env bash
# The README's fan-out recipe, run for real: GNU parallel over 4 shards of a folder gives the
# same records as one run, each input exactly once. Needs GNU parallel (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${REGISTRE_BIN:-target/release/registre}
shared=${REGISTRE_SHARED:-../shared}
[ -x "$bin" ] || cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inputs=(fixtures "$shared/corpus/dev")

# The recipe: one registre per shard, each writing its own NDJSON file.
parallel --halt now,fail=1 "$bin" parse --quiet --shard {}/4 --output "$out/shard-{}.ndjson" \
  "${inputs[@]}" ::: 1 2 3 4

"$bin" parse --quiet --output "$out/all.ndjson" "${inputs[@]}"
# Documents carry no run-dependent field, so the sorted lines must be identical.
sort "$out"/shard-*.ndjson > "$out/shards.sorted"
sort "$out/all.ndjson" > "$out/all.sorted"
if ! cmp -s "$out/shards.sorted" "$out/all.sorted"; then
  echo "parallel-shards: the shards' records differ from one run's" >&2
  exit 1
fi
n=$(wc -l < "$out/all.ndjson")
echo "parallel-shards: 4 shards under GNU parallel = one run: $n records, each once"
