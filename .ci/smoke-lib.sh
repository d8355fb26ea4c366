# Shared by the smoke tests .ci/package-smoke.sh and .ci/build-smoke.sh, which source it (it is not run on its own):
# counting checks, the dotnet-test-style summary line .ci/run sums, the temporary folder and unique package version
# with their clean-up, and the pieces both build on (packing into a local folder, fresh project folders outside the
# repository, the feedparser check). Written for scripts under `set -uo pipefail`.

smoke_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# smoke_start NAME PACKAGE-ID...: moves to the repository root ($repo), starts the count and the clock, creates $tmp
# and picks $version, and on exit removes $tmp and that version of each package id from the global package cache.
#
# Version: each run packs a unique prerelease version (0.1.0-smoke.<epoch>.<pid>) so that restore can never pick up
# a stale copy of a package from ~/.nuget/packages; only that version's folder is removed from the cache again.
smoke_start() {
  smoke_name=$1
  shift
  smoke_ids=("$@")
  cd "$smoke_lib_dir/.." || exit 1
  repo=$(pwd)
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

  passed=0 failed=0 skipped=0
  started=$(date +%s)
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/feed-$smoke_name.XXXXXX")
  version="0.1.0-smoke.$(date +%s).$$"
  cache=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p')
  cache=${cache%/}
  trap smoke_cleanup EXIT

  have_feedparser=false
  /usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 && have_feedparser=true
}

smoke_cleanup() {
  local id
  rm -rf "$tmp"
  if [ -n "$cache" ]; then
    for id in "${smoke_ids[@]}"; do rm -rf "${cache:?}/$id/$version"; rmdir "$cache/$id" 2>/dev/null; done
  fi
}

ok()   { echo "  ok    $1"; passed=$((passed + 1)); }
bad()  { echo "  FAIL  $1"; failed=$((failed + 1)); }
skip() { echo "  skip  $1"; skipped=$((skipped + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }

# passes WHAT LOG COMMAND...: ok when the command succeeds, else the end of the log it wrote (what went wrong) and
# FAIL; returns the command's success. step is the same for a command whose output is to go to LOG.
passes() {
  local what=$1 log=$2
  shift 2
  if "$@"; then ok "$what"; else tail -n 30 "$log"; bad "$what"; return 1; fi
}
step() { passes "$1" "$2" logged "$2" "${@:3}"; }
logged() { local log=$1; shift; "$@" >"$log" 2>&1; } # LOG COMMAND...
in_dir() ( cd "$1" && "${@:2}" ) # DIR COMMAND...: in a subshell, so the script stays where it is

# The line .ci/run counts (it sums "Passed: N" and "Failed: N"); fails when a check failed.
summary() {
  local total=$((passed + failed + skipped)) word="Passed!"
  [ "$failed" -eq 0 ] || word="Failed!"
  echo "$word  - Failed: $(printf '%5d' "$failed"), Passed: $(printf '%5d' "$passed"), Skipped: $(printf '%5d' "$skipped"), Total: $(printf '%5d' "$total"), Duration: $(( $(date +%s) - started )) s - $smoke_name"
  [ "$failed" -eq 0 ]
}

# pack PROJECT LOG: packs src/PROJECT at $version into $tmp/packages (the local folder source), keeping the build out
# of the worktree's bin/obj (--artifacts-path); one check.
pack() {
  step "dotnet pack src/$1" "$2" dotnet pack "src/$1" -c Release -o "$tmp/packages" --artifacts-path "$tmp/artifacts" -p:Version="$version"
}

# new_folder DIR SOURCE-NAME: a folder for a fresh project outside the repository. Empty Directory.* files stop MSBuild
# from looking further up, and nuget.config adds $tmp/packages without <clear/>, so the machine's own source still
# serves the dependencies.
new_folder() {
  local dir=$1 f
  mkdir -p "$dir"
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$dir/$f"; done
  cat >"$dir/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="$2" value="$tmp/packages" />
  </packageSources>
</configuration>
EOF
}

# feeds_parse N FILE...: python3-feedparser, which shares no code with .NET, reads every document without error and
# finds N entries in the RSS ones and N in the Atom ones.
feeds_parse() {
  /usr/bin/python3 - "$@" <<'EOF'
import sys, feedparser
expected, counts = int(sys.argv[1]), {}
for path in sys.argv[2:]:
    d = feedparser.parse(path)
    if d.bozo or d.version not in ("rss20", "atom10"):
        sys.exit(f"{path}: {d.version} {d.get('bozo_exception')}")
    counts[d.version] = counts.get(d.version, 0) + len(d.entries)
sys.exit(0 if counts == {"rss20": expected, "atom10": expected} else f"entries per format: {counts}")
EOF
}
