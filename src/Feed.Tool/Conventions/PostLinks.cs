using System.IO.Hashing;
using System.Text;
using Feed.Tool.Posts;
using Feed.Tool.Templates;

namespace Feed.Tool.Conventions;

/// <summary>
/// The site's posts as template tags point at them: by source path (Jekyll's <c>{% link %}</c>), by post name
/// (<c>{% post_url %}</c>), by Hugo's <c>ref</c>/<c>relref</c> path and by Hexo's <c>{% post_link %}</c> slug, each to the
/// post's URL. Built once per build from the published posts; immutable, so pages rendered in parallel share it.
/// </summary>
internal sealed class PostLinks : ITemplateSite
{
    private readonly Dictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byBaseName = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _folderName;

    /// <summary>Indexes <paramref name="posts"/>.</summary>
    /// <param name="posts">The published posts.</param>
    /// <param name="rules">The site-wide rules: site URL, convention, posts folder.</param>
    public PostLinks(IReadOnlyList<PostHead> posts, PostRules rules)
    {
        SiteUrl = rules.SiteUrl;
        BaseUrl = rules.SiteUrl.AbsolutePath.TrimEnd('/');
        _folderName = rules.Folder.Name;
        var digest = new XxHash128();
        foreach (PostHead post in posts.OrderBy(p => p.File.RelativePath, StringComparer.Ordinal))
        {
            string path = post.File.RelativePath;
            _byPath.TryAdd(path, post.Url);
            PathFacts facts = rules.Convention.Facts(path, rules.Folder);
            string withoutExtension = path[..^Path.GetExtension(path).Length];
            _byPath.TryAdd(withoutExtension, post.Url);
            if (facts.BaseName != Path.GetFileNameWithoutExtension(path))
            {
                // A Hugo bundle: its folder is its path.
                _byPath.TryAdd(string.Join('/', [.. facts.Sections, facts.BaseName]), post.Url);
            }

            // A name shared by two posts resolves to neither (null): a link must not pick one by chance.
            string name = Path.GetFileNameWithoutExtension(path);
            _byName[name] = _byName.ContainsKey(name) ? null : post.Url;
            _byBaseName[facts.BaseName] = _byBaseName.ContainsKey(facts.BaseName) ? null : post.Url;
            _byName.TryAdd(facts.Slug, post.Url);

            digest.Append(Encoding.UTF8.GetBytes(path));
            digest.Append([0]);
            digest.Append(Encoding.UTF8.GetBytes(post.Url));
            digest.Append([0]);
        }

        Digest = digest.GetCurrentHashAsUInt128();
    }

    /// <inheritdoc/>
    public Uri SiteUrl { get; }

    /// <inheritdoc/>
    public string BaseUrl { get; }

    /// <summary>Gets a hash of every post's path and URL: what any link between posts can resolve to.</summary>
    public UInt128 Digest { get; }

    /// <inheritdoc/>
    public bool TryResolve(TemplateReferenceKind kind, string target, out Uri url)
    {
        url = null!;
        string t = target.Trim().Replace('\\', '/');
        int hash = t.IndexOf('#', StringComparison.Ordinal);
        string fragment = hash >= 0 ? t[hash..] : string.Empty;
        t = hash >= 0 ? t[..hash] : t;
        string? found = kind switch
        {
            TemplateReferenceKind.JekyllPostName => ByName(t.TrimStart('/')),
            TemplateReferenceKind.HexoPostSlug => ByName(t),
            _ => ByPath(t),
        };

        if (found is null)
        {
            return false;
        }

        url = new Uri(found + fragment, UriKind.Absolute);
        return true;
    }

    private string? ByName(string name)
    {
        // post_url names a post by its file name, optionally under a folder of _posts ("2010-07-21-name", "sub/2010-07-21-name").
        if (_byPath.TryGetValue(name, out string? url) || (_byName.TryGetValue(name, out url) && url is not null))
        {
            return url;
        }

        string last = name[(name.LastIndexOf('/') + 1)..];
        return _byName.TryGetValue(last, out url) ? url : null;
    }

    private string? ByPath(string path)
    {
        string p = path.TrimStart('.', '/');
        foreach (string candidate in Candidates(p))
        {
            if (_byPath.TryGetValue(candidate, out string? url))
            {
                return url;
            }
        }

        // Hugo's ref with a bare name ("x", "x.md") finds the one page of that name.
        if (!p.Contains('/', StringComparison.Ordinal))
        {
            string stem = Path.GetExtension(p) is ".md" or ".markdown" or ".mdown" ? Path.GetFileNameWithoutExtension(p) : p;
            return _byBaseName.TryGetValue(stem, out string? url) ? url : null;
        }

        return null;
    }

    // The ways a path may name a post: as written, without its extension, without a trailing "/index" (Hugo bundles),
    // and without the folders above the posts folder (Jekyll's "_posts/x.md", Hugo's "/news/x.md" for the news folder).
    private IEnumerable<string> Candidates(string p)
    {
        foreach (string form in Forms(p))
        {
            yield return form;
            int at = form.IndexOf(_folderName + "/", StringComparison.Ordinal);
            if (_folderName.Length > 0 && at >= 0 && (at == 0 || form[at - 1] == '/'))
            {
                yield return form[(at + _folderName.Length + 1)..];
            }

            if (form.StartsWith("_posts/", StringComparison.Ordinal))
            {
                yield return form["_posts/".Length..];
            }
        }
    }

    private static IEnumerable<string> Forms(string p)
    {
        string trimmed = p.TrimEnd('/');
        yield return trimmed;
        string ext = Path.GetExtension(trimmed);
        string stem = ext.Length > 0 ? trimmed[..^ext.Length] : trimmed;
        yield return stem;
        if (stem.EndsWith("/index", StringComparison.OrdinalIgnoreCase) || stem.EndsWith("/_index", StringComparison.OrdinalIgnoreCase))
        {
            yield return stem[..stem.LastIndexOf('/')];
        }
    }
}
