#!/usr/bin/env bash
# Packaging smoke test: Feed as a new user meets it. Packs src/Feed, checks that the package carries its README, XML
# docs, symbols and SourceLink metadata, then builds a fresh console app outside the repository that references the
# .nupkg through a local folder source, registers a feed with AddFeed, writes every page, and validates what it wrote.
#
# Needs only the .NET SDK and the machine's NuGet source (the dependencies come from there or the global cache);
# xmllint, python3-feedparser and unzip add checks when present. Ends with a dotnet-test-style summary line
# ("Passed!  - Failed: N, Passed: N, ...") so .ci/run counts each check.
#
# Version and clean-up: see smoke_start in .ci/smoke-lib.sh (every package packed here, at this run's version).
set -uo pipefail
source "$(dirname "$0")/smoke-lib.sh"
smoke_start package-smoke feed feed.aspnetcore feed.entityframeworkcore feed.tool feed.tool.any feed.tool.linux-x64

has_entry() { grep -aqF -- "$2" "$1"; } # zip entry names are stored uncompressed: no unzip needed to list them
has_all_entries() { local file=$1; shift; for entry in "$@"; do has_entry "$file" "$entry" || return 1; done; }
has_all_in_zip() { local file=$1 xml; shift; xml=$(unzip -p "$file" '*.xml') || return 1; for text in "$@"; do grep -qF -- "$text" <<<"$xml" || return 1; done; }
has_all() { local file=$1; shift; for text in "$@"; do grep -qF -- "$text" "$file" || return 1; done; }
# A fresh app's project file, as a new user's would be (warnings are errors): the SDK, an output type where the SDK
# needs one ("" where not), and a package reference for each "Id=Version".
project_file() {
  local sdk=$1 output_type=$2 reference
  shift 2
  echo "<Project Sdk=\"$sdk\">"
  echo "  <PropertyGroup>"
  [ -z "$output_type" ] || echo "    <OutputType>$output_type</OutputType>"
  echo "    <TargetFramework>net10.0</TargetFramework>"
  echo "    <Nullable>enable</Nullable>"
  echo "    <ImplicitUsings>enable</ImplicitUsings>"
  echo "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>"
  echo "  </PropertyGroup>"
  echo "  <ItemGroup>"
  for reference in "$@"; do echo "    <PackageReference Include=\"${reference%%=*}\" Version=\"${reference#*=}\" />"; done
  echo "  </ItemGroup>"
  echo "</Project>"
}

echo "package smoke: Feed $version in $tmp"

# 1. Pack, keeping the build out of the worktree's bin/obj (--artifacts-path).
pack Feed "$tmp/pack.log" || { summary; exit 1; }

nupkg="$tmp/packages/Feed.$version.nupkg"
snupkg="$tmp/packages/Feed.$version.snupkg"
check "package Feed.$version.nupkg exists" test -s "$nupkg"
check "nupkg holds README.md" has_entry "$nupkg" "README.md"
check "nupkg holds lib/net10.0/Feed.dll" has_entry "$nupkg" "lib/net10.0/Feed.dll"
check "nupkg holds the XML docs lib/net10.0/Feed.xml" has_entry "$nupkg" "lib/net10.0/Feed.xml"
check "symbols package Feed.$version.snupkg exists" test -s "$snupkg"
check "snupkg holds lib/net10.0/Feed.pdb" has_entry "$snupkg" "lib/net10.0/Feed.pdb"

# 2. A fresh console app outside the repository (new_folder: the package folder is its source beside the machine's).
app="$tmp/app"
new_folder "$app" feed-smoke-local
mkdir -p "$tmp/out"
di_version=$(sed -n 's/.*Include="Microsoft.Extensions.DependencyInjection" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
project_file Microsoft.NET.Sdk Exe "Feed=$version" "Microsoft.Extensions.DependencyInjection=${di_version:-10.0.0}" >"$app/Smoke.csproj"
cat >"$app/Program.cs" <<'EOF'
using System.ServiceModel.Syndication;
using System.Xml;
using Feed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// A new user's first program: their own post type, registered with AddFeed in a console app (no ASP.NET Core),
// every page written to disk from just that page's rows.
string outDir = args[0];
Note[] notes = [.. Enumerable.Range(1, 5).Select(n => new Note($"note-{n}", $"Note {n}", $"Hello from *note {n}*.", new DateTimeOffset(2025, 1, n, 9, 0, 0, TimeSpan.Zero)))];
Func<Note, FeedPost> map = note => new FeedPost
{
    Title = note.Title,
    Url = new Uri($"https://notes.example.net/{note.Slug}/"),
    Published = note.Date,
    Body = note.Markdown,
};

var services = new ServiceCollection();
services.AddFeed(map).Configure(options =>
{
    options.Title = "Smoke notes";
    options.SiteUrl = new Uri("https://notes.example.net/");
    options.PageSize = 2;
});

try
{
    var invalid = new ServiceCollection();
    invalid.AddFeed(map).Configure(options => options.PageSize = 0);
    using ServiceProvider invalidProvider = invalid.BuildServiceProvider();
    invalidProvider.GetRequiredService<FeedRenderer<Note>>();
    throw new InvalidOperationException("Invalid options were accepted.");
}
catch (OptionsValidationException e) when (e.Failures.Count() == 3)
{
    Console.WriteLine("invalid options: rejected with 3 problems");
}

using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var feed = provider.GetRequiredService<FeedRenderer<Note>>();
FeedPaging paging = feed.Generator.Paging;
IReadOnlyList<FeedPage> pages = paging.GetPages(notes.Length);
var seen = new HashSet<string>(StringComparer.Ordinal);
foreach (FeedFormat format in new[] { FeedFormat.Rss, FeedFormat.Atom })
{
    foreach (FeedPage page in pages)
    {
        string file = Path.Combine(outDir, $"{format}-{page.Number}.xml");
        await using (FileStream stream = File.Create(file))
        {
            // Newest first, then just this page's rows, as a database query would return them.
            await feed.WritePageAsync(format, page, notes.OrderByDescending(n => n.Date).Skip(page.Offset).Take(page.Count), stream);
        }

        using XmlReader reader = XmlReader.Create(file);
        SyndicationFeed read = SyndicationFeed.Load(reader);
        Uri self = read.Links.Single(l => l.RelationshipType == "self").Uri;
        if (self != paging.GetUrl(format, page) || read.Items.Count() != page.Count)
        {
            throw new InvalidOperationException($"{file}: unexpected self link {self} or {read.Items.Count()} items.");
        }

        seen.UnionWith(read.Items.Select(i => $"{format} {i.Id}"));
    }
}

if (seen.Count != 2 * notes.Length)
{
    throw new InvalidOperationException($"Expected every note once per format, saw {seen.Count}.");
}

Console.WriteLine($"wrote and read back {2 * pages.Count} documents, {seen.Count} entries");

internal sealed record Note(string Slug, string Title, string Markdown, DateTimeOffset Date);
EOF

step "fresh app restores Feed from the local folder, builds, registers AddFeed, writes and reloads every page" \
  "$tmp/app.log" dotnet run --project "$app" -c Release -- "$tmp/out" && sed 's/^/        /' "$tmp/app.log" | tail -n 2

# 3. What restore extracted from the .nupkg: the nuspec's readme and repository (SourceLink) metadata, the docs.
pkgdir="$cache/feed/$version"
check "restore took Feed $version from the package just built" test -s "$pkgdir/feed.nuspec"
check "nuspec names README.md as the package readme" grep -qF "<readme>README.md</readme>" "$pkgdir/feed.nuspec"
check "nuspec has repository url and commit (SourceLink)" grep -qE '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' "$pkgdir/feed.nuspec"
check "XML docs cover the DI surface (AddFeed, FeedRenderer)" has_all "$pkgdir/lib/net10.0/Feed.xml" \
  'M:Microsoft.Extensions.DependencyInjection.FeedServiceCollectionExtensions.AddFeed``1' 'T:Feed.FeedRenderer`1'

# SourceLink's URL map is in the PDB; it needs a GitHub remote to point at (the SDK's SourceLink maps github.com
# remotes), which a clone from GitHub has and a clone from a local folder or a bare worktree does not.
origin=$(git remote get-url origin 2>/dev/null || true)
if ! [[ "$origin" =~ ^(https://|git@|ssh://git@)github\.com[:/] ]]; then
  skip "SourceLink source map in Feed.pdb: origin '${origin:-none}' is not a GitHub remote to map sources to"
elif command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$snupkg" lib/net10.0/Feed.pdb -d "$tmp/symbols"
  check "Feed.pdb maps sources to the repository (SourceLink)" grep -aqE '\{"documents":\{"[^"]+":"https://' "$tmp/symbols/lib/net10.0/Feed.pdb"
else
  skip "SourceLink source map in Feed.pdb: unzip is not installed"
fi

# 5. Feed.AspNetCore: packed beside Feed (same version), then a fresh web app maps a feed with MapFeed and asks itself
#    for page 1 (GET), its headers (HEAD) and a 304 (If-None-Match), on a loopback port.
pack Feed.AspNetCore "$tmp/pack-aspnetcore.log"
webnupkg="$tmp/packages/Feed.AspNetCore.$version.nupkg"
check "nupkg holds README.md and lib/net10.0/Feed.AspNetCore.dll and .xml" has_all_entries "$webnupkg" "README.md" "lib/net10.0/Feed.AspNetCore.dll" "lib/net10.0/Feed.AspNetCore.xml"
web="$tmp/web"
new_folder "$web" feed-smoke-local
project_file Microsoft.NET.Sdk.Web "" "Feed.AspNetCore=$version" >"$web/Web.csproj"
cat >"$web/Program.cs" <<'EOF2'
using System.Net;
using Feed;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddFeed<Note>(note => new FeedPost
{
    Title = note.Title,
    Url = new Uri($"https://notes.example.net/{note.Slug}/"),
    Published = note.Date,
    Body = note.Markdown,
}).Configure(options =>
{
    options.Title = "Smoke notes";
    options.SiteUrl = new Uri("https://notes.example.net/");
});
builder.Services.AddSingleton<IFeedPageSource<Note>, Notes>();
WebApplication app = builder.Build();
app.MapFeed<Note>("/feed.xml", FeedFormat.Rss);
await app.StartAsync();

using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
using HttpResponseMessage get = await client.GetAsync("/feed.xml");
using HttpResponseMessage head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feed.xml"));
var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.xml");
conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);
using HttpResponseMessage notModified = await client.SendAsync(conditional);
string body = await get.Content.ReadAsStringAsync();
bool good = get.StatusCode == HttpStatusCode.OK && get.Content.Headers.ContentType?.ToString() == "application/rss+xml; charset=utf-8"
    && body.Contains("<title>Note 3</title>", StringComparison.Ordinal)
    && head.StatusCode == HttpStatusCode.OK && head.Content.Headers.ContentLength == get.Content.Headers.ContentLength
    && notModified.StatusCode == HttpStatusCode.NotModified;
Console.WriteLine($"GET {(int)get.StatusCode} {get.Content.Headers.ContentLength} bytes, HEAD {(int)head.StatusCode}, If-None-Match {(int)notModified.StatusCode}");
await app.StopAsync();
return good ? 0 : 1;

internal sealed record Note(string Slug, string Title, string Markdown, DateTimeOffset Date);

internal sealed class Notes : IFeedPageSource<Note>
{
    private static readonly Note[] All = [.. Enumerable.Range(1, 3).Reverse().Select(n => new Note($"note-{n}", $"Note {n}", $"Note *{n}*.", new DateTimeOffset(2025, 1, n, 9, 0, 0, TimeSpan.Zero)))];

    public ValueTask<FeedRows<Note>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(All.Length, [.. All.Skip(query.Skip).Take(query.Take)]));
}
EOF2
step "fresh web app restores Feed.AspNetCore, maps a feed with MapFeed, serves GET, HEAD and a 304" \
  "$tmp/web.log" dotnet run --project "$web" -c Release && sed 's/^/        /' "$tmp/web.log" | tail -n 1

check "Feed.AspNetCore's symbols package holds lib/net10.0/Feed.AspNetCore.pdb" has_entry "$tmp/packages/Feed.AspNetCore.$version.snupkg" "lib/net10.0/Feed.AspNetCore.pdb"

# 5a. Feed.Liquid: packed beside Feed with its README, XML docs and symbols (its quick start is compiled and run by
#     tests/Feed.Tool.Tests/Html/LiquidQuickStartTests.cs; the tool, packed below, carries it).
pack Feed.Liquid "$tmp/pack-liquid.log"
check "Feed.Liquid nupkg holds README.md and lib/net10.0/Feed.Liquid.dll and .xml" \
  has_all_entries "$tmp/packages/Feed.Liquid.$version.nupkg" "README.md" "lib/net10.0/Feed.Liquid.dll" "lib/net10.0/Feed.Liquid.xml"
check "Feed.Liquid's symbols package holds lib/net10.0/Feed.Liquid.pdb" \
  has_entry "$tmp/packages/Feed.Liquid.$version.snupkg" "lib/net10.0/Feed.Liquid.pdb"

# 5b. Feed.EntityFrameworkCore: packed beside Feed and Feed.AspNetCore, then a fresh web app over a SQLite file maps a
#     feed whose page source is AddEntityFrameworkFeedSource and asks itself for page 1 and a tag's feed (two
#     spellings of the tag, one answer).
pack Feed.EntityFrameworkCore "$tmp/pack-ef.log"
efnupkg="$tmp/packages/Feed.EntityFrameworkCore.$version.nupkg"
check "Feed.EntityFrameworkCore nupkg holds README.md and lib/net10.0/Feed.EntityFrameworkCore.dll and .xml" \
  has_all_entries "$efnupkg" "README.md" "lib/net10.0/Feed.EntityFrameworkCore.dll" "lib/net10.0/Feed.EntityFrameworkCore.xml"
check "Feed.EntityFrameworkCore's symbols package holds lib/net10.0/Feed.EntityFrameworkCore.pdb" \
  has_entry "$tmp/packages/Feed.EntityFrameworkCore.$version.snupkg" "lib/net10.0/Feed.EntityFrameworkCore.pdb"
efweb="$tmp/efweb"
new_folder "$efweb" feed-smoke-local
ef_version=$(sed -n 's/.*Include="Microsoft.EntityFrameworkCore.Sqlite" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
project_file Microsoft.NET.Sdk.Web "" "Feed.EntityFrameworkCore=$version" "Microsoft.EntityFrameworkCore.Sqlite=$ef_version" \
  | sed 's|    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>|&\n    <NoWarn>$(NoWarn);FEEDEXP101</NoWarn>|' >"$efweb/Web.csproj"
cat >"$efweb/Program.cs" <<'EOF2'
using System.Net;
using Feed;
using Microsoft.EntityFrameworkCore;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddDbContext<Db>(options => options.UseSqlite($"Data Source={Path.Combine(AppContext.BaseDirectory, "smoke.db")}"));
builder.Services.AddFeed<Post>(post => new FeedPost
{
    Id = post.FeedId,
    Title = post.Title,
    Url = new Uri($"https://notes.example.net/{post.FeedId}/"),
    Published = DateTime.SpecifyKind(post.PublishedUtc, DateTimeKind.Utc),
    Body = post.Title,
}).Configure(options =>
{
    options.Title = "Smoke notes";
    options.SiteUrl = new Uri("https://notes.example.net/");
});
builder.Services.AddEntityFrameworkFeedSource<Db, Post>(source => source
    .Posts(db => db.Posts.Include(p => p.Tags))
    .NewestFirst(p => p.PublishedUtc, p => p.FeedId)
    .Variants((p, tag) => p.Tags.Any(t => t.Key == tag)));
WebApplication app = builder.Build();
using (IServiceScope scope = app.Services.CreateScope())
{
    Db db = scope.ServiceProvider.GetRequiredService<Db>();
    db.Database.EnsureDeleted();
    db.Database.EnsureCreated();
    for (int i = 1; i <= 12; i++)
    {
        string name = i % 2 == 0 ? "DotNet" : "dotnet";
        db.Posts.Add(new Post { FeedId = $"note-{i:D2}", Title = $"Note {i}", PublishedUtc = new DateTime(2025, 1, i, 9, 0, 0, DateTimeKind.Utc), Tags = [new Tag { Name = name, Key = FeedTerms.Normalize(name) }] });
    }

    db.SaveChanges();
}

app.MapFeed<Post>("/feed.xml", FeedFormat.Rss);
app.MapFeed<Post>("/tags/{tag}/atom.xml", FeedFormat.Atom, feed => feed.VariantRouteParameter = "tag");
await app.StartAsync();
using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };
using HttpResponseMessage feed = await client.GetAsync("/feed.xml");
using HttpResponseMessage spelled = await client.GetAsync("/tags/DotNet/atom.xml");
using HttpResponseMessage tag = await client.GetAsync("/tags/dotnet/atom.xml");
string rss = await feed.Content.ReadAsStringAsync();
string atom = await tag.Content.ReadAsStringAsync();
bool good = feed.StatusCode == HttpStatusCode.OK && rss.Contains("<title>Note 12</title>", StringComparison.Ordinal)
    && rss.Contains("https://notes.example.net/feed.xml?page=2", StringComparison.Ordinal)
    && spelled.StatusCode == HttpStatusCode.MovedPermanently && tag.StatusCode == HttpStatusCode.OK
    && atom.Split("<entry>").Length - 1 == 10;
Console.WriteLine($"GET /feed.xml {(int)feed.StatusCode}, /tags/DotNet/atom.xml {(int)spelled.StatusCode} {spelled.Headers.Location}, /tags/dotnet/atom.xml {(int)tag.StatusCode} with {atom.Split("<entry>").Length - 1} entries");
await app.StopAsync();
return good ? 0 : 1;

internal sealed class Db(DbContextOptions<Db> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();
}

internal sealed class Post
{
    public int Id { get; set; }

    public required string FeedId { get; set; }

    public required string Title { get; set; }

    public DateTime PublishedUtc { get; set; }

    public List<Tag> Tags { get; set; } = [];
}

internal sealed class Tag
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Key { get; set; }
}
EOF2
step "fresh web app restores Feed.EntityFrameworkCore, serves a feed and a tag's feed from SQLite (two spellings, one feed)" \
  "$tmp/efweb.log" dotnet run --project "$efweb" -c Release && sed 's/^/        /' "$tmp/efweb.log" | tail -n 1

# 4. The written feeds, read by tools that share no code with .NET.
shopt -s nullglob
written=("$tmp"/out/*.xml)
check "the app wrote 6 documents (3 pages x 2 formats)" test "${#written[@]}" -eq 6
if command -v xmllint >/dev/null 2>&1; then
  check "xmllint: every document is well-formed XML" xmllint --noout "${written[@]}"
else
  skip "xmllint is not installed"
fi
if $have_feedparser; then
  check "feedparser: every document parses without errors, 5 entries per format" feeds_parse 5 "${written[@]}"
else
  skip "python3-feedparser is not installed"
fi

# 5. The `feed` tool packages: the package `dotnet tool install` asks for names one package per runtime; linux-x64 is
#    a Native AOT binary (built here once: it takes a minute and needs clang and zlib1g-dev), `any` the portable,
#    framework-dependent build for every other platform. Both must write the same bytes as the in-repository tool.
tools="$tmp/tool-packages"
samples=(build "$repo/tests/Samples/blog" --config "$repo/tests/Samples/feed.json" --now 2025-01-01T00:00:00Z --quiet)
# The tool package names the per-runtime ones; -r RID packs that runtime's (any: portable; linux-x64: Native AOT).
pack_tool() { dotnet pack src/Feed.Tool -c Release -o "$tools" --artifacts-path "$tmp/tool-artifacts" -p:Version="$version" "$@"; }
pack_tool_and_any() { pack_tool && pack_tool -r any; }
step "dotnet pack src/Feed.Tool (the tool package and its portable 'any' package)" "$tmp/tool-pack.log" pack_tool_and_any
check "the tool package points at Feed.Tool.linux-x64 and Feed.Tool.any" has_all_in_zip "$tools/Feed.Tool.$version.nupkg" \
  'RuntimeIdentifier="linux-x64" Id="Feed.Tool.linux-x64"' 'RuntimeIdentifier="any" Id="Feed.Tool.any"'
check "the tool package and its portable package carry README.md" \
  bash -c "grep -aqF README.md '$tools/Feed.Tool.$version.nupkg' && grep -aqF README.md '$tools/Feed.Tool.any.$version.nupkg'"

dotnet run --project src/Feed.Tool -c Release --artifacts-path "$tmp/tool-artifacts" -- "${samples[@]}" --out "$tmp/site-jit" >"$tmp/site-jit.log" 2>&1
check "dotnet run src/Feed.Tool writes the sample site" test -s "$tmp/site-jit/feed.xml"

if command -v unzip >/dev/null 2>&1 && unzip -q -o "$tools/Feed.Tool.any.$version.nupkg" -d "$tmp/any" >/dev/null 2>&1; then
  dotnet "$tmp/any/tools/net10.0/any/Feed.Tool.dll" "${samples[@]}" --out "$tmp/site-any" >"$tmp/site-any.log" 2>&1
  check "portable package (dotnet Feed.Tool.dll) writes the same bytes" diff -r "$tmp/site-jit" "$tmp/site-any"
else
  skip "portable package: unzip is not installed"
fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! command -v clang >/dev/null 2>&1; then
  skip "Native AOT package for linux-x64: needs Linux x64 and clang (apt-get install clang zlib1g-dev)"
elif step "dotnet pack src/Feed.Tool -r linux-x64 (Native AOT, no trim or AOT warnings: warnings are errors)" "$tmp/aot-pack.log" \
     pack_tool -r linux-x64; then
  if dotnet tool install Feed.Tool --version "$version" --tool-path "$tmp/tool" --add-source "$tools" >"$tmp/install.log" 2>&1; then
    ok "dotnet tool install Feed.Tool picks the native linux-x64 package"
    check "the installed feed is a native executable, not a .NET assembly" test -x "$(readlink -f "$tmp/tool/feed")" -a ! -e "$(dirname "$(readlink -f "$tmp/tool/feed")")/Feed.Tool.dll"
    check "feed --version prints $version" grep -qF "$version" <("$tmp/tool/feed" --version 2>&1)
    "$tmp/tool/feed" "${samples[@]}" --out "$tmp/site-aot" >"$tmp/site-aot.log" 2>&1
    check "native feed build writes the same bytes as dotnet run" diff -r "$tmp/site-jit" "$tmp/site-aot"
    # Conventions under Native AOT: TOML front matter (Tomlyn), JSON, a leaf bundle and an IANA time zone, read by the
    # native executable exactly as by the JIT (fixtures written here).
    conv="$tmp/conv-posts"; mkdir -p "$conv/entry/2021/bundle"
    printf '+++\nTitle = "日本語の記事"\ndate = 2021-03-01T08:00:00\ntags = ["TOML", "toml"]\n[author]\nname = "n"\navatar = "a.png"\n+++\n本文。\n' >"$conv/entry/2021/toml.md"
    printf '{\n  "title": "JSON",\n  "date": "2021-03-02 23:30:00"\n}\nBody.\n' >"$conv/entry/json.md"
    printf '\n---\ntitle: Bundle\ndate: 2021-03-03\n---\nSee {{< ref "/entry/json.md" >}}.\n' >"$conv/entry/2021/bundle/index.md"
    printf '{ "siteUrl": "https://example.org/", "title": "C", "conventions": "hugo", "timeZone": "Asia/Tokyo", "taxonomies": { "tags": true } }' >"$tmp/conv.json"
    conv_args=(build "$conv" --config "$tmp/conv.json" --now 2025-01-01T00:00:00Z --no-cache)
    dotnet run --project src/Feed.Tool -c Release --artifacts-path "$tmp/tool-artifacts" --no-build -- "${conv_args[@]}" --out "$tmp/conv-jit" >"$tmp/conv-jit.log" 2>&1
    "$tmp/tool/feed" "${conv_args[@]}" --out "$tmp/conv-aot" >"$tmp/conv-aot.log" 2>&1
    check "native feed reads Hugo TOML, JSON and bundles in Asia/Tokyo as dotnet run does" \
      bash -c "grep -qF '<published>2021-03-01T08:00:00+09:00</published>' '$tmp/conv-aot/atom.xml' && diff -r '$tmp/conv-jit' '$tmp/conv-aot'"
  else
    cat "$tmp/install.log"; bad "dotnet tool install Feed.Tool picks the native linux-x64 package"
  fi
fi

summary
