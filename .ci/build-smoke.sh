#!/usr/bin/env bash
# Feed.Build smoke test: the package as a site meets it. Packs src/Feed.Build (the tool's engine and every assembly it
# needs travel inside it), creates fresh projects outside the repository — `dotnet new console` and `dotnet new web` —
# that reference the .nupkg through a local folder source, copies the sample posts (tests/Samples/blog → posts/) and
# config (tests/Samples/feed.json), and checks what `dotnet build`, `dotnet publish` and `dotnet clean` do:
# valid feeds, a skipped target when nothing changed, only the changed pages rewritten, a bad post failing the build
# with an MSBuild error at its line and column while the earlier feeds stay as they were, the feeds under wwwroot in
# the web project's publish output and served by it in development, and nothing generated left after a clean.
#
# Needs only the .NET SDK and the machine's NuGet source; python3 with feedparser adds the feed checks when present.
# Ends with a dotnet-test-style summary line ("Passed!  - Failed: N, Passed: N, ...") so .ci/run counts each check.
#
# Version and clean-up: see smoke_start in .ci/smoke-lib.sh; the web app started below is stopped on exit too.
# MSBuild node reuse is off, so no build server outlives the script.
set -uo pipefail
source "$(dirname "$0")/smoke-lib.sh"
smoke_start build-smoke feed.build
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER=1 UseSharedCompilation=false

server=""
watcher=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""; fi; }
stop_watcher() { if [ -n "$watcher" ]; then kill -KILL -- "-$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null; watcher=""; fi; }
trap 'stop_server; stop_watcher; smoke_cleanup' EXIT

echo "build smoke: Feed.Build $version in $tmp"

# A free loopback port (the kernel's pick, released at once).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# served_text BASE PATH TEXT SECONDS: waits until GET BASE/PATH answers 200 with TEXT in its body.
served_text() {
  python3 - "$@" <<'EOF'
import sys, time, urllib.request
base, path, text, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
deadline, last = time.monotonic() + seconds, "no answer"
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(f"{base}/{path}", timeout=5) as r:
            body = r.read().decode("utf-8")
            if text in body:
                sys.exit(0)
            last = f"{r.status}, without {text!r}"
    except OSError as e:
        last = str(e)
    time.sleep(1)
sys.exit(f"/{path}: {last}")
EOF
}
# served_as BASE (PATH CONTENT-TYPE)...: waits for the app, then each path answers 200 with that Content-Type.
served_as() {
  python3 - "$@" <<'EOF'
import sys, time, urllib.request
base, pairs = sys.argv[1], sys.argv[2:]
for attempt in range(150):
    try:
        urllib.request.urlopen(f"{base}/{pairs[0]}", timeout=2).read()
        break
    except OSError:
        time.sleep(0.2)
for path, expected in zip(pairs[::2], pairs[1::2]):
    with urllib.request.urlopen(f"{base}/{path}", timeout=5) as r:
        if r.headers.get("Content-Type") != expected:
            sys.exit(f"/{path}: {r.headers.get('Content-Type')}")
EOF
}
# Every file under a folder with its SHA-256, one "hash  path" line each, sorted: compared before and after a build.
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
# The six feed documents, the three HTML pages and the manifest the sample blog gives (four posts a page, RSS, Atom, HTML).
feed_files=(feed.xml feed/2.xml feed/3.xml atom.xml atom/2.xml atom/3.xml index.html page/2/index.html page/3/index.html .feed-manifest)
has_feeds() { local dir=$1 f; for f in "${feed_files[@]}"; do test -s "$dir/$f" || return 1; done; }
no_feeds() { local dir=$1 f; for f in "${feed_files[@]}"; do test ! -e "$dir/$f" || return 1; done; }
# feedparser reads every document without error: 10 entries per format (12 posts, a draft and a future one left out).
check_parse() { # what, folder
  if $have_feedparser; then
    check "$1" feeds_parse 10 "$2/feed.xml" "$2/feed/2.xml" "$2/feed/3.xml" "$2/atom.xml" "$2/atom/2.xml" "$2/atom/3.xml"
  else
    skip "$1: python3-feedparser is not installed"
  fi
}

# 1. Pack, keeping the build out of the worktree's bin/obj (--artifacts-path).
pack Feed.Build "$tmp/pack.log" || { summary; exit 1; }
in_zip() { local file=$1 entry; shift; for entry in "$@"; do grep -aqF -- "$entry" "$file" || return 1; done; } # names are stored uncompressed
check "the package carries README.md and the task in tasks/net10.0/" in_zip "$tmp/packages/Feed.Build.$version.nupkg" README.md tasks/net10.0/Feed.Build.dll
check "its symbols package holds the PDBs of the task, the tool engine and the library" \
  in_zip "$tmp/packages/Feed.Build.$version.snupkg" tasks/net10.0/Feed.Build.pdb tasks/net10.0/Feed.Tool.pdb tasks/net10.0/Feed.pdb

# 2. Fresh projects outside the repository (new_folder: the package folder is their source beside the machine's),
#    from a `dotnet new` template named after the folder, with the sample posts and config and Feed.Build added.
new_project() { # template, folder, what: one check
  local dir=$2
  new_folder "$dir" feed-build-smoke-local
  cp -r "$repo/tests/Samples/blog" "$dir/posts"
  cp "$repo/tests/Samples/feed.json" "$dir/feed.json"
  step "$3" "$tmp/new.log" in_dir "$dir" new_with_feed_build "$1" "$(basename "$dir")"
}
new_with_feed_build() { dotnet new "$1" --name "$2" --output . && dotnet add package Feed.Build --version "$version"; }

app="$tmp/Site"
new_project console "$app" "dotnet new console + dotnet add package Feed.Build (from the local folder)" || { summary; exit 1; }
out="$app/bin/Debug/net10.0"
build() { (cd "$app" && dotnet build -v:n "$@" >"$tmp/build.log" 2>&1); }
rebuild() { build --no-restore "$@"; } # restored once; nothing a later build changes touches restore

# 3. First build: every page of both feeds, valid.
passes "dotnet build succeeds" "$tmp/build.log" build
check "the build wrote feed.xml, feed/2.xml, feed/3.xml, atom.xml, atom/2.xml, atom/3.xml, index.html, page/2/index.html, page/3/index.html and .feed-manifest to bin/Debug/net10.0" has_feeds "$out"
check "the build log shows the tool's summary (12 posts read, 9 files written)" grep -qF "feed: 12 posts read, 2 skipped (1 draft, 1 future), 9 files written, 0 unchanged, 0 removed" "$tmp/build.log"
check_parse "feedparser reads all six documents, 10 entries per format" "$out"

# 4. Nothing changed: the target is skipped.
snapshot "$out" >"$tmp/before"
rebuild
check "a second build skips the target (Skipping target \"FeedGenerate\" because all output files are up-to-date)" \
  grep -qF 'Skipping target "FeedGenerate" because all output files are up-to-date' "$tmp/build.log"
snapshot "$out" >"$tmp/after"
check "  ... and changes no file" cmp -s "$tmp/before" "$tmp/after"

# 5. One post changed: the oldest post is on the last page of each feed, so only feed/3.xml, atom/3.xml and page/3/index.html change.
sed -i 's/^title: Hello, world$/title: Hello again, world/' "$app/posts/2024-01-15-hello-world.md"
rebuild
changed=$(diff "$tmp/after" <(snapshot "$out") | sed -n 's/^> [0-9a-f]*  \.\///p' | sort | paste -sd' ' -)
check "changing one post rewrites only its pages (changed: '${changed}')" test "$changed" = "atom/3.xml feed/3.xml page/3/index.html"
check "  ... and the summary says 3 files written, 6 unchanged" grep -qF "3 files written, 6 unchanged, 0 removed" "$tmp/build.log"
# A deleted post makes no input newer than the manifest; the list of posts in obj/ still changes, so the target runs.
rm "$app/posts/2024-08-19-ideas-for-later.md" # the draft: no page changes
rebuild
check "deleting a post runs the target again (11 posts read, 0 drafts skipped)" grep -qF "feed: 11 posts read, 1 skipped (0 draft, 1 future), 0 files written, 9 unchanged" "$tmp/build.log"

# 5b. The template feed.json names (htmlTemplate) is an input too: editing only that file runs the target again.
cp "$app/feed.json" "$tmp/feed.json"
printf '<!DOCTYPE html><title>{{ site.title }}</title><p>first layout</p>\n' >"$app/page.liquid"
sed -i 's/"pageSize"/"htmlTemplate": "page.liquid", "pageSize"/' "$app/feed.json"
rebuild
check "htmlTemplate in feed.json lays out the HTML pages" grep -qF "first layout" "$out/index.html"
sed -i 's/first layout/second layout/' "$app/page.liquid"
rebuild
check "  ... and editing only the template runs the target again and rewrites the pages" grep -qF "second layout" "$out/page/2/index.html"
cp "$tmp/feed.json" "$app/feed.json"
rm "$app/page.liquid"
rebuild
check "  ... and without it the pages are the default page again" bash -c "! grep -qF 'layout</p>' '$out/index.html'"

# 5c. A post in another Markdown extension (Jekyll's .markdown, Hexo's .mkd …) is an input too: adding and editing
#     one runs the target (the plain conventions, this sample's, count it as a file not read).
printf -- '---\ntitle: Other extension\ndate: 2024-02-01\n---\n\nText.\n' >"$app/posts/2024-02-01-other.markdown"
rebuild
check "a .markdown file in the posts folder runs the target (1 other file not read (1 .markdown))" \
  grep -qF "1 other file not read (1 .markdown)" "$tmp/build.log"
sed -i 's/^Text\.$/Text, edited./' "$app/posts/2024-02-01-other.markdown"
rebuild
check "  ... and editing it runs the target again" bash -c "! grep -qF 'Skipping target \"FeedGenerate\"' '$tmp/build.log'"
rm "$app/posts/2024-02-01-other.markdown"
rebuild

# 6. Bad posts: the build fails, lists every problem as an MSBuild error at its line and column, changes nothing.
snapshot "$out" >"$tmp/before"
cp "$app/posts/2024-01-15-hello-world.md" "$tmp/hello.md"
sed -i 's/^date: 2024-01-15$/date: 2024-13-45/' "$app/posts/2024-01-15-hello-world.md"
printf -- '---\ntitle: No date\n---\n\nText.\n' >"$app/posts/2024-12-01-no-date.md"
if rebuild; then bad "a post with a bad date fails the build"; else ok "a post with a bad date fails the build"; fi
check "  ... with 'posts/2024-01-15-hello-world.md(3,7): error FEED0007:' (the date's line and column)" \
  grep -qE "/posts/2024-01-15-hello-world\.md\(3,7\): error FEED0007: 'date': '2024-13-45'" "$tmp/build.log"
check "  ... and lists the other bad post too ('2024-12-01-no-date.md(1,1): error FEED0005:')" \
  grep -qF "posts/2024-12-01-no-date.md(1,1): error FEED0005:" "$tmp/build.log"
check "  ... and counts exactly those 2 errors" grep -qE "^ +2 Error\(s\)" "$tmp/build.log"
snapshot "$out" >"$tmp/after"
check "  ... and leaves the previous feeds unchanged" cmp -s "$tmp/before" "$tmp/after"
cp "$tmp/hello.md" "$app/posts/2024-01-15-hello-world.md"
rm "$app/posts/2024-12-01-no-date.md"
passes "fixing the posts makes the build pass again" "$tmp/build.log" rebuild

# 7. dotnet clean: the generated files go, a file of someone else's in the same folders stays.
echo "not generated" >"$out/feed/notes.txt"
(cd "$app" && dotnet clean >"$tmp/clean.log" 2>&1)
check "dotnet clean removes every generated file and the manifest" no_feeds "$out"
check "  ... and leaves a file it did not generate (bin/Debug/net10.0/feed/notes.txt)" test -s "$out/feed/notes.txt"

# 8. The switches: FeedEnabled=false and a design-time build (what an IDE runs) write nothing; the properties override
#    the config file, and changing one makes the target run again.
rebuild -p:FeedEnabled=false
check "FeedEnabled=false: the build writes no feeds" no_feeds "$out"
rebuild -p:DesignTimeBuild=true -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true
check "a design-time build writes no feeds" no_feeds "$out"
rebuild "-p:FeedTitle=Overridden title" -p:FeedPageSize=5
check "FeedTitle and FeedPageSize override feed.json (5 posts a page: feed.xml and feed/2.xml, no feed/3.xml)" \
  bash -c "grep -qF '<title>Overridden title</title>' '$out/feed.xml' && test -s '$out/feed/2.xml' && test ! -e '$out/feed/3.xml'"

# 9. A web project: the feeds are static web assets, served in development and published under wwwroot.
web="$tmp/Web"
new_project web "$web" "dotnet new web + dotnet add package Feed.Build"
# The template serves nothing static; a site adds MapStaticAssets (the .NET 9+ templates' way) to serve its wwwroot
# and, in development, the static web assets of the build, each with the Content-Type of its endpoint.
sed -i 's|^app.MapGet|app.MapStaticAssets();\napp.MapGet|' "$web/Program.cs"
step "web: dotnet build succeeds" "$tmp/web-build.log" in_dir "$web" dotnet build
check "web: the build wrote the feeds to bin/Debug/net10.0" has_feeds "$web/bin/Debug/net10.0"

if command -v python3 >/dev/null 2>&1; then
  port=$(free_port)
  (cd "$web" && exec dotnet bin/Debug/net10.0/Web.dll --urls "http://127.0.0.1:$port" --environment Development) >"$tmp/web-run.log" 2>&1 &
  server=$!
  served() {
    python3 - "http://127.0.0.1:$port" "$web/bin/Debug/net10.0" <<'EOF'
import sys, time, urllib.request
base, folder = sys.argv[1], sys.argv[2]
for attempt in range(100):
    try:
        urllib.request.urlopen(base + "/", timeout=2).read()
        break
    except OSError:
        time.sleep(0.2)
types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
for path, kind in (("feed.xml", "rss"), ("feed/2.xml", "rss"), ("atom.xml", "atom"), ("atom/3.xml", "atom")):
    with urllib.request.urlopen(f"{base}/{path}", timeout=5) as r:
        if r.read() != open(f"{folder}/{path}", "rb").read():
            sys.exit(f"/{path}: served bytes differ from the file")
        if r.headers.get("Content-Type") != types[kind]:
            sys.exit(f"/{path}: served as {r.headers.get('Content-Type')}, not {types[kind]}")
EOF
  }
  check "web: in development MapStaticAssets serves /feed.xml, /feed/2.xml, /atom.xml, /atom/3.xml (the files' bytes, as application/rss+xml and application/atom+xml)" served
  stop_server
else
  skip "web: serving in development: python3 is not installed"
fi

# Debug, the configuration just built: the publish then finds the feed target up to date and must still publish them.
step "web: dotnet publish succeeds" "$tmp/publish.log" in_dir "$web" dotnet publish -c Debug -o "$tmp/publish"
check "web: the publish output has every feed page under wwwroot at its URL path" \
  bash -c "cd '$tmp/publish/wwwroot' && test -s feed.xml && test -s feed/2.xml && test -s feed/3.xml && test -s atom.xml && test -s atom/2.xml && test -s atom/3.xml"
check_parse "web: feedparser reads the published feeds" "$tmp/publish/wwwroot"
check "web: the feed config (feed.json) is build input, not copied to the build or publish output" \
  bash -c "test ! -e '$web/bin/Debug/net10.0/feed.json' && test ! -e '$tmp/publish/feed.json' && test ! -e '$tmp/publish/wwwroot/feed.json'"
# The published site, run as it would be deployed (Production, from the publish folder): the endpoints manifest it
# ships types the feeds too.
if command -v python3 >/dev/null 2>&1; then
  port=$(free_port)
  (cd "$tmp/publish" && exec dotnet Web.dll --urls "http://127.0.0.1:$port" --environment Production) >"$tmp/published-run.log" 2>&1 &
  server=$!
  check "web: the published app serves /feed/3.xml as application/rss+xml and /atom.xml as application/atom+xml" \
    served_as "http://127.0.0.1:$port" feed/3.xml application/rss+xml atom.xml application/atom+xml
  stop_server
else
  skip "web: the published app's media types: python3 is not installed"
fi

(cd "$web" && dotnet clean >"$tmp/clean.log" 2>&1)
check "web: dotnet clean removes the generated files" no_feeds "$web/bin/Debug/net10.0"

# 10. dotnet watch: the posts and the config are watched files, and with hot reload off (dotnet watch 10 applies only
#     code changes with it on) an edit rebuilds, regenerating the feeds, and restarts the app, which serves them.
if command -v python3 >/dev/null 2>&1 && command -v setsid >/dev/null 2>&1; then
  port=$(free_port)
  (cd "$web" && DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER=1 exec setsid dotnet watch --no-hot-reload --non-interactive --urls "http://127.0.0.1:$port") \
    >"$tmp/watch.log" 2>&1 </dev/null &
  watcher=$!
  base="http://127.0.0.1:$port"
  check "watch: dotnet watch builds and serves the feeds (/feed/3.xml)" served_text "$base" feed/3.xml "<title>Hello, world</title>" 300
  sed -i 's/^title: Hello, world$/title: Hello from dotnet watch/' "$web/posts/2024-01-15-hello-world.md"
  check "watch: editing a post regenerates its page, served by the restarted app" served_text "$base" feed/3.xml "<title>Hello from dotnet watch</title>" 300
  sed -i 's/"title": "Notes from the Feed sample blog"/"title": "Notes, watched"/' "$web/feed.json"
  check "watch: editing feed.json regenerates every page (the channel title of /feed.xml)" served_text "$base" feed.xml "<title>Notes, watched</title>" 300
  grep -E "dotnet watch .*(File changed|Started|Exited|Building)" "$tmp/watch.log" | sed 's/^/        /' | tail -n 6
  # Its whole process group (dotnet watch, dotnet run, the app): TERM, then KILL what is left after 15 s.
  kill -TERM -- "-$watcher" 2>/dev/null
  for _ in $(seq 1 75); do kill -0 -- "-$watcher" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$watcher" 2>/dev/null
  wait "$watcher" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 -- "-$watcher" 2>/dev/null || break; sleep 0.1; done
  check "watch: stopping dotnet watch leaves no process of its group" bash -c "! kill -0 -- -$watcher 2>/dev/null"
  watcher=""
else
  skip "watch: python3 or setsid is not installed"
fi

summary
