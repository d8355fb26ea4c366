#!/usr/bin/env bash
# End-to-end comparison, whole process, side by side in one run: `feed build` cold (empty --cache-dir, no output),
# unchanged (cache warm, nothing to do), after one post changed, after one post added (every page moves), and cold
# without full content (what the peers write), against the python, npm and Hugo peers of the shared benchmark folder (bench/peer.sh) and the one-thread
# Markdig floor, at several site sizes. In every round each command runs once, alternating, so machine noise hits
# them alike; each cell is the median over the rounds of the wall time and of the peak resident memory
# (/usr/bin/time, "Maximum resident set size").
#
# `feed` is what `dotnet tool install Feed.Tool` gives on this machine: the Native AOT build on linux-x64 (published
# here once; needs clang and zlib1g-dev), else the portable build run by `dotnet`.
#
# usage: tests/Feed.Benchmarks/compare.sh [ROUNDS=5] [SIZES="0 100 1000 10000"]
# env:   FEED_SHARED     the shared folder (default: ../shared beside the repository)
#        FEED_BENCH_DIR  work folder for corpora, peers and builds (default: a new temporary folder, removed at exit)
#        FEED_TOOL       a feed executable to measure instead of publishing one from this repository
#        FEED_PEERS      the peers to run (default: "python npm hugo markdig"; empty: none); missing tools are skipped, or
#                        installed from Debian when running as root (python3-feedgenerator python3-markdown
#                        python3-yaml, hugo; npm ci in npm-feed)
# The 100-post corpus is gen_corpus.py's seed 3, the others seed 1 (the shared benchmark corpus).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
sizes=${2:-"0 100 1000 10000"}
shared=${FEED_SHARED:-$repo/../shared}
peers=${FEED_PEERS-"python npm hugo markdig"}
if [ -n "${FEED_BENCH_DIR:-}" ]; then
  work=$FEED_BENCH_DIR; mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/feed-bench.XXXXXX"); trap 'rm -rf "$work"' EXIT
fi
say() { echo "$*" >&2; }

# Tools: /usr/bin/time for peak memory; the peers' Debian packages where we may install them.
need=()
[ -x /usr/bin/time ] || need+=(time)
case " $peers " in *" python "*) /usr/bin/python3 -c 'import feedgenerator, markdown, yaml' 2>/dev/null || need+=(python3-feedgenerator python3-markdown python3-yaml) ;; esac
case " $peers " in *" hugo "*) command -v hugo >/dev/null || need+=(hugo) ;; esac
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  say "installing ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null 2>&1 || true
fi
[ -x /usr/bin/time ] || { say "needs /usr/bin/time (apt-get install time)"; exit 2; }

# The tool, built once (or given).
if [ -n "${FEED_TOOL:-}" ]; then
  feed=("$FEED_TOOL"); feed_kind="$FEED_TOOL"
elif [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && command -v clang >/dev/null; then
  say "publishing feed (Native AOT, linux-x64)"
  dotnet publish "$repo/src/Feed.Tool" -c Release -r linux-x64 -o "$work/feed" --artifacts-path "$work/artifacts" -v q -nologo >&2
  feed=("$work/feed/Feed.Tool"); feed_kind="Native AOT"
else
  say "building feed (portable; Native AOT needs Linux x64 and clang)"
  dotnet publish "$repo/src/Feed.Tool" -c Release -r any -o "$work/feed" --artifacts-path "$work/artifacts" -v q -nologo >&2
  feed=(dotnet "$work/feed/Feed.Tool.dll"); feed_kind="portable (dotnet Feed.Tool.dll)"
fi

# The peers, from a writable copy of the shared folder (Hugo and npm write next to their configs).
cp -r "$shared/bench" "$work/bench" && chmod -R u+w "$work/bench"
names=("feed cold" "feed unchanged" "feed one post changed" "feed one post added" "feed cold, excerpts only")
kinds=(cold unchanged changed added cold-excerpts)
printf '{ "fullContent": false }\n' >"$work/excerpts-only.json"
for peer in $peers; do
  case $peer in
  python)
    if /usr/bin/python3 -c 'import feedgenerator, markdown, yaml' 2>/dev/null; then names+=("python feedgenerator + Markdown"); kinds+=(python)
    else say "skipping python: apt-get install python3-feedgenerator python3-markdown python3-yaml"; fi ;;
  npm)
    if command -v node >/dev/null && command -v npm >/dev/null && (cd "$work/bench/npm-feed" && npm ci --silent >&2); then
      names+=("npm feed + gray-matter + marked"); kinds+=(node)
    else say "skipping npm: needs node, npm and the npm registry"; fi ;;
  hugo)
    if command -v hugo >/dev/null; then names+=("Hugo, paged RSS + Atom"); kinds+=(hugo-paged)
    else say "skipping hugo: apt-get install hugo"; fi ;;
  markdig)
    if dotnet build "$work/bench/markdig-floor" -c Release -v q -nologo >&2; then names+=("Markdig alone, 1 thread"); kinds+=(markdig)
    else say "skipping the Markdig floor: it did not build"; fi ;;
  *) say "unknown peer $peer" ;;
  esac
done

# Corpora: the same bytes for the same size and seed.
for n in $sizes; do
  corpus="$work/corpus-$n"
  [ -d "$corpus" ] && continue
  if [ "$n" -eq 0 ]; then mkdir -p "$corpus"; continue; fi
  seed=1; [ "$n" -eq 100 ] && seed=3
  say "generating $n posts (seed $seed)"
  python3 "$shared/corpus/gen_corpus.py" "$corpus" "$n" --seed "$seed" >&2
done

# RSS + Atom, every page, 20 entries a page, 350-character excerpts, full content unless said (the peers write none).
args=(--site-url https://blog.example.org/ --title Bench --page-size 20 --excerpt-length 350 --now 2100-01-01T00:00:00Z --quiet)
declare -A walls mems
run() { # run KEY COMMAND...: time one command, remember its wall time (ms) and peak memory (KB); a failure is reported
  local key=$1; shift
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -o "$work/time.txt" -f "%M" "$@" >/dev/null 2>"$work/stderr.txt"; then
    say "failed: $*"; tail -n 5 "$work/stderr.txt" >&2
    [[ $key == [01234]/* ]] && exit 1 # feed itself must not fail; a peer that does is left out of that cell
    return 0
  fi
  end=$(date +%s%N)
  walls[$key]+="$(( (end - start) / 1000000 )) "; mems[$key]+="$(tail -n 1 "$work/time.txt") "
  say "  $key: $(( (end - start) / 1000000 )) ms, $(tail -n 1 "$work/time.txt") KB"
}

for ((r = 1; r <= rounds; r++)); do
  for n in $sizes; do
    corpus="$work/corpus-$n" out="$work/out-$n" cache="$work/cache-$n"
    for i in "${!kinds[@]}"; do
      case ${kinds[$i]} in
      cold) rm -rf "$out" "$cache"; run "$i/$n" "${feed[@]}" build "$corpus" --out "$out" --cache-dir "$cache" "${args[@]}" ;;
      unchanged) run "$i/$n" "${feed[@]}" build "$corpus" --out "$out" --cache-dir "$cache" "${args[@]}" ;;
      changed)
        # One post of the middle of the site gets a new paragraph: its page (RSS and Atom) must be made again.
        count=$(find "$corpus" -name '*.md' | wc -l)
        if [ "$count" -gt 0 ]; then
          post=$(find "$corpus" -name '*.md' | sort | sed -n "$(( (count + 1) / 2 ))p")
          printf '\nEdited in round %d.\n' "$r" >>"$post"
        fi
        run "$i/$n" "${feed[@]}" build "$corpus" --out "$out" --cache-dir "$cache" "${args[@]}" ;;
      added)
        # A new newest post: every page moves by one post, so every document is written again.
        # Taken out again after its build, so that every other build (and the next round) sees the same corpus.
        added="$corpus/2099-12-$(printf %02d "$r")-added-in-round-$r.md"
        printf -- '---\ntitle: "Added in round %d"\ndate: 2099-12-%02dT08:00:00Z\n---\n\nA new post, *just* written.\n' "$r" "$r" >"$added"
        run "$i/$n" "${feed[@]}" build "$corpus" --out "$out" --cache-dir "$cache" "${args[@]}"
        rm -f "$added" ;;
      cold-excerpts)
        rm -rf "$out-excerpts"
        run "$i/$n" "${feed[@]}" build "$corpus" --out "$out-excerpts" --no-cache --config "$work/excerpts-only.json" "${args[@]}" ;;
      *) rm -rf "$work/peer-out"; run "$i/$n" sh "$work/bench/peer.sh" "${kinds[$i]}" "$corpus" "$work/peer-out" ;;
      esac
    done
  done
  say "round $r/$rounds done"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A med
printf '\nfeed: %s. %s rounds, %s cores; median wall time (peak memory)\n\n' "$feed_kind" "$rounds" "$(nproc)"
printf '| %-32s |' build; for n in $sizes; do printf ' %18s |' "$n posts"; done; echo
printf '|%s|' "----------------------------------"; for n in $sizes; do printf '%s|' "--------------------"; done; echo
for i in "${!kinds[@]}"; do
  printf '| %-32s |' "${names[$i]}"
  for n in $sizes; do
    if [ -z "${walls[$i/$n]:-}" ]; then med[$i/$n]=""; printf ' %18s |' "failed"; continue; fi
    w=$(echo "${walls[$i/$n]}" | median); m=$(echo "${mems[$i/$n]}" | median)
    med[$i/$n]=$w
    printf ' %18s |' "$(awk -v w="$w" -v m="$m" 'BEGIN { printf (w < 1000 ? "%.0f ms" : "%.2f s"), (w < 1000 ? w : w / 1000); printf " (%.0f MB)", m / 1024 }')"
  done
  echo
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
for n in $sizes; do
  fastest="" fastest_name=""
  for i in "${!kinds[@]}"; do
    case ${kinds[$i]} in cold|unchanged|changed|added|cold-excerpts|markdig) continue ;; esac
    [ -n "${med[$i/$n]}" ] || continue
    if [ -z "$fastest" ] || awk -v a="${med[$i/$n]}" -v b="$fastest" 'BEGIN { exit !(a < b) }'; then fastest=${med[$i/$n]}; fastest_name=${names[$i]}; fi
  done
  line="$n posts: unchanged / cold $(ratio "${med[1/$n]}" "${med[0/$n]}"), one changed / cold $(ratio "${med[2/$n]}" "${med[0/$n]}"), one added / cold $(ratio "${med[3/$n]}" "${med[0/$n]}")"
  [ -n "$fastest" ] && line+=", cold / fastest peer ($fastest_name) $(ratio "${med[0/$n]}" "$fastest")"
  for i in "${!kinds[@]}"; do
    if [ "${kinds[$i]}" = node ] && [ -n "${med[$i/$n]}" ]; then line+=", npm feed / cold $(ratio "${med[$i/$n]}" "${med[0/$n]}")x"; fi
  done
  echo "$line"
done
echo
echo "targets: 100 posts cold / fastest peer <= 0.50; 10,000 posts unchanged / cold <= 0.20, one changed / cold <= 0.25, npm feed / cold >= 1.5x"
