#!/usr/bin/env bash
# Native AOT smoke test: publishes tests/Samples/AotHost (a web app serving feeds with Feed and Feed.AspNetCore) with
# PublishAot, with no trim or AOT warning allowed, then runs the native executable on a loopback port and asks it what a
# reader and a cache would: RSS, Atom and JSON Feed pages, HEAD, a 304, a variant's redirect, gzip; then stops it with
# SIGTERM. Needs the .NET SDK, clang and zlib (the native linker; .ci/run installs them) and curl. Ends with a
# dotnet-test-style summary line so .ci/run counts each check.
set -uo pipefail
source "$(dirname "$0")/smoke-lib.sh"
smoke_start aot-smoke

echo "aot smoke: tests/Samples/AotHost in $tmp"

# 1. Publish. Warnings are errors in the build (Directory.Build.props); the native compiler's trim and AOT analysis
#    (IL2xxx, IL3xxx) runs at publish, so its log is searched for any warning as well.
if ! step "dotnet publish tests/Samples/AotHost -p:PublishAot=true (linux-x64)" "$tmp/publish.log" \
  dotnet publish tests/Samples/AotHost -c Release -r linux-x64 -p:PublishAot=true -o "$tmp/bin" --artifacts-path "$tmp/artifacts"; then
  summary; exit 1
fi
warnings=$(grep -cE ': warning [A-Z]+[0-9]+' "$tmp/publish.log")
check "publish reported no warning (trim, AOT or compiler): $warnings" test "$warnings" -eq 0
[ "$warnings" -eq 0 ] || grep -E ': warning [A-Z]+[0-9]+' "$tmp/publish.log" | sort -u | head -n 20
check "the native executable exists and is not a .NET assembly host" test -x "$tmp/bin/AotHost" -a ! -e "$tmp/bin/AotHost.dll"

# 2. Run it from its folder (its content root: appsettings.json holds the feed's title and site URL), on a port of its
#    own choosing, and read the port from its start-up log.
(cd "$tmp/bin" && exec ./AotHost --urls http://127.0.0.1:0 --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
  >"$tmp/app.log" 2>&1) &
app_pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$tmp/app.log" | head -n 1)
  [ -n "$base" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base" ]; then
  bad "the native app starts and listens"; cat "$tmp/app.log"; kill "$app_pid" 2>/dev/null; summary; exit 1
fi
ok "the native app starts and listens on $base"

has_all() { local file=$1; shift; for text in "$@"; do grep -qF -- "$text" "$file" || return 1; done; }
# fetch NAME PATH [CURL ARGS...]: the response's headers in $tmp/NAME.h, its body in $tmp/NAME.b.
fetch() { local name=$1 path=$2; shift 2; curl -s -o "$tmp/$name.b" -D "$tmp/$name.h" "$@" "$base$path"; }
header() { grep -i "^$2:" "$tmp/$1.h" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
status() { head -n 1 "$tmp/$1.h" | cut -d' ' -f2; }

fetch rss /feed.xml
check "GET /feed.xml: 200, application/rss+xml; charset=utf-8, the newest note" \
  test "$(status rss)" = 200 -a "$(header rss Content-Type)" = "application/rss+xml; charset=utf-8" -a -n "$(grep -F '<title>Note 12</title>' "$tmp/rss.b")"
check "GET /feed.xml: Content-Length is the body's, with a weak ETag" \
  test "$(header rss Content-Length)" = "$(wc -c <"$tmp/rss.b")" -a "$(header rss ETag | cut -c1-3)" = 'W/"'
fetch head /feed.xml --head # (curl -I writes the headers where a body would go: there is none)
check "HEAD /feed.xml: 200 with the GET body's length" \
  test "$(status head)" = 200 -a "$(header head Content-Length)" = "$(wc -c <"$tmp/rss.b")"
fetch conditional /feed.xml -H "If-None-Match: $(header rss ETag)"
check "If-None-Match with the ETag: 304, no body" test "$(status conditional)" = 304 -a ! -s "$tmp/conditional.b"
fetch atom "/atom.xml?page=2"
check "GET /atom.xml?page=2: Atom, self and next links at the route" \
  has_all "$tmp/atom.b" 'href="https://notes.example.net/atom.xml?page=2"' 'href="https://notes.example.net/atom.xml?page=3"'
fetch json "/feed.json?page=2"
check "GET /feed.json?page=2: JSON Feed 1.1 with feed_url and next_url at the route" \
  has_all "$tmp/json.b" '"version": "https://jsonfeed.org/version/1.1"' '"feed_url": "https://notes.example.net/feed.json?page=2"' '"next_url": "https://notes.example.net/feed.json?page=3"'
fetch redirect /tags/Odd/atom.xml
check "GET /tags/Odd/atom.xml: 301 to the normalized variant" \
  test "$(status redirect)" = 301 -a "$(header redirect Location)" = "https://notes.example.net/tags/odd/atom.xml"
fetch odd /tags/odd/atom.xml
check "GET /tags/odd/atom.xml: the five newest odd notes" test "$(grep -c '<entry>' "$tmp/odd.b")" -eq 5
fetch zipped /feed.xml -H "Accept-Encoding: gzip"
check "Accept-Encoding: gzip: a gzip body that decodes to the identity body" \
  sh -c "test '$(header zipped Content-Encoding)' = gzip && gzip -dc '$tmp/zipped.b' | cmp -s - '$tmp/rss.b'"
fetch missing "/feed.xml?page=01"
check "GET /feed.xml?page=01: 404 (a page number in one form only)" test "$(status missing)" = 404
if $have_feedparser; then
  check "feedparser reads the RSS and Atom documents without errors" feeds_parse 5 "$tmp/rss.b" "$tmp/atom.b"
else
  skip "python3-feedparser is not installed"
fi

# 3. Stop it as a service manager would.
kill -TERM "$app_pid"
wait "$app_pid"
code=$?
check "SIGTERM stops it cleanly (exit 0)" test "$code" -eq 0

summary
