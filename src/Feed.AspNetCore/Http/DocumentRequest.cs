using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Feed.Http;

/// <summary>What a request asks for</summary>
internal enum DocumentAnswer
{
    /// <summary>The document <see cref="DocumentRequest.Kind"/> <see cref="DocumentRequest.Number"/>.</summary>
    Serve,

    /// <summary>No document: a malformed, repeated or out-of-range number, or both a page and an archive (404).</summary>
    NotFound,

    /// <summary><c>?page=1</c>: page 1 is the feed URL itself (a redirect keeps one URL, and one cache entry, per page).</summary>
    RedirectToFirst,
}

/// <summary>
/// Which document a request names: <c>?page=N</c> (page 1 when absent) or <c>?archive=N</c>, where N is in canonical
/// decimal form — <c>[1-9][0-9]*</c>, nothing else (no sign, zeros, spaces, NULs or other digits) — so that one document
/// has one URL and one output-cache entry.
/// </summary>
internal readonly record struct DocumentRequest(DocumentAnswer Answer, FeedPageKind Kind, int Number)
{
    public static DocumentRequest Read(IQueryCollection query, int pageSize)
    {
        StringValues page = query["page"];
        StringValues archive = query["archive"];
        if (page.Count > 1 || archive.Count > 1 || (page.Count == 1 && archive.Count == 1))
        {
            return new(DocumentAnswer.NotFound, FeedPageKind.Page, 0); // ?page=2&page=3 names no one document
        }

        if (page.Count == 0 && archive.Count == 0)
        {
            return new(DocumentAnswer.Serve, FeedPageKind.Page, 1);
        }

        FeedPageKind kind = archive.Count == 1 ? FeedPageKind.Archive : FeedPageKind.Page;
        string? text = kind == FeedPageKind.Archive ? archive[0] : page[0];

        // Past this the skip overflows: no feed of int.MaxValue posts has such a page.
        if (!TryParseCanonical(text, out int number) || number > (int.MaxValue / pageSize) + 1)
        {
            return new(DocumentAnswer.NotFound, kind, 0);
        }

        return new(kind == FeedPageKind.Page && number == 1 ? DocumentAnswer.RedirectToFirst : DocumentAnswer.Serve, kind, number);
    }

    /// <summary>The canonical decimal form of a positive <see cref="int"/>, by hand: <c>int.TryParse</c> accepts trailing NULs and, with some styles, signs, spaces and leading zeros.</summary>
    private static bool TryParseCanonical(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 10 || text[0] is < '1' or > '9')
        {
            return false;
        }

        long value = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value > int.MaxValue)
        {
            return false;
        }

        number = (int)value;
        return true;
    }
}
