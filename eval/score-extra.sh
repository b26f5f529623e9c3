#!/usr/bin/env bash
# Scores registre on extra gold annotations (eval/extra/ unless GOLD_DIR says), whose sources
# stay in ../shared/corpus: a temporary folder pairs each gold file with a link to its source.
# Usage: eval/score-extra.sh [score.py options, e.g. -v]; REGISTRE_BIN=path scores another build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$here/../shared" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for g in "${GOLD_DIR:-$here/eval/extra}"/*.gold.json; do
  name=$(basename "$g" .gold.json)
  src=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"])' "$g")
  # The parser reads a file whatever its name; the scorer finds it by these extensions.
  ext=${src##*.}
  case "$ext" in pdf|doc|docx|odt|html|htm) ;; *) ext=txt ;; esac
  ln -s "$shared/corpus/$src" "$tmp/$name.$ext"
  ln -s "$g" "$tmp/$name.gold.json"
done
python3 "$shared/eval/score.py" "$tmp" --bin "${REGISTRE_BIN:-$here/target/release/registre}" "$@"
