#!/usr/bin/env bash
# End-to-end comparison on the benchmark corpus (gen_corpus.py, seed 1): the `feed` tool (full content on and off)
# against the Markdig-alone floor and, where Node is present, the npm `feed` build. Every command runs once per
# round, alternating, so machine noise hits them alike; each cell is the median over the rounds of the whole
# process's wall time and peak resident memory (/usr/bin/time -v, "Maximum resident set size").
#
# usage: tests/Feed.Benchmarks/compare.sh [POSTS=10000] [ROUNDS=5]
# env:   FEED_SHARED  the shared folder (default: ../shared beside the repository)
#        FEED_BENCH_DIR  work folder for corpus and builds (default: /tmp/feed-bench)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
posts=${1:-10000}
rounds=${2:-5}
shared=${FEED_SHARED:-$repo/../shared}
work=${FEED_BENCH_DIR:-/tmp/feed-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

corpus="$work/corpus-$posts"
if [ ! -d "$corpus" ]; then
  echo "generating $posts posts (seed 1) into $corpus" >&2
  python3 "$shared/corpus/gen_corpus.py" "$corpus" "$posts" --seed 1 >&2
fi

echo "building Feed.Tool (Release)" >&2
dotnet build "$repo/src/Feed.Tool" -c Release -v q -nologo >&2
tool="$repo/src/Feed.Tool/bin/Release/net10.0/Feed.Tool.dll"

echo "building the Markdig floor" >&2
rm -rf "$work/markdig-floor" && cp -r "$shared/bench/markdig-floor" "$work/" && chmod -R u+w "$work/markdig-floor"
dotnet build "$work/markdig-floor" -c Release -v q -nologo >&2
floor="$work/markdig-floor/bin/Release/net10.0/MarkdigFloor.dll"

have_node=false
if command -v node >/dev/null && command -v npm >/dev/null; then
  rm -rf "$work/npm-feed" && cp -r "$shared/bench/npm-feed" "$work/" && chmod -R u+w "$work/npm-feed"
  if (cd "$work/npm-feed" && npm ci --silent >&2); then have_node=true; fi
fi

# Same shape as the npm build: 20 entries a page, 350-character excerpts, RSS + Atom, every page.
cat > "$work/no-content.json" <<JSON
{ "fullContent": false }
JSON
common=(build "$corpus" --site-url https://blog.example.org/ --title Bench --page-size 20 --excerpt-length 350
        --now 2100-01-01T00:00:00Z --quiet)

names=("feed (full content)" "feed (excerpts only)" "markdig floor (1 thread)")
cmds=("dotnet $tool ${common[*]} --out $work/out-full"
      "dotnet $tool ${common[*]} --out $work/out-excerpts --config $work/no-content.json"
      "dotnet $floor $corpus")
if $have_node; then
  names+=("npm feed (excerpts only)")
  cmds+=("node $work/npm-feed/feeds.mjs $corpus $work/out-npm 20 350")
fi

declare -A walls mems
for ((r = 1; r <= rounds; r++)); do
  for i in "${!cmds[@]}"; do
    rm -rf "$work/out-full" "$work/out-excerpts" "$work/out-npm"
    /usr/bin/time -o "$work/time.txt" -f "%e %M" ${cmds[$i]} >/dev/null 2>"$work/stderr.txt" \
      || { echo "failed: ${cmds[$i]}" >&2; cat "$work/stderr.txt" >&2; exit 1; }
    stats=$(tail -n 1 "$work/time.txt")
    walls[$i]+="${stats% *} "; mems[$i]+="${stats#* } "
  done
  echo "round $r/$rounds done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '\n%s posts, %s rounds, %s cores, median wall / peak RSS\n\n' "$posts" "$rounds" "$(nproc)"
printf '| %-26s | %8s | %10s |\n' build "wall (s)" "peak (MB)"
printf '|%s|%s|%s|\n' "----------------------------" "----------" "------------"
declare -A medwall
for i in "${!cmds[@]}"; do
  w=$(echo "${walls[$i]}" | median); m=$(echo "${mems[$i]}" | median)
  medwall[$i]=$w
  printf '| %-26s | %8.2f | %10.0f |\n' "${names[$i]}" "$w" "$(echo "$m / 1024" | bc -l)"
done
echo
printf 'feed (full content) / markdig floor: %.2f (target <= 1.00)\n' "$(echo "${medwall[0]} / ${medwall[2]}" | bc -l)"
if $have_node; then
  printf 'npm feed / feed (full content): %.2fx faster (target >= 1.5x)\n' "$(echo "${medwall[3]} / ${medwall[0]}" | bc -l)"
  printf 'npm feed / feed (excerpts only): %.2fx faster (target >= 3x)\n' "$(echo "${medwall[3]} / ${medwall[1]}" | bc -l)"
fi
