using Feed.Terms;

namespace Feed;

/// <summary>
/// The one rule that decides when two spellings of a tag, category or author name are the same term, so that every
/// spelling of one term gets one feed: <c>Static Sites</c>, <c>static  sites</c>, <c>ＳＴＡＴＩＣ Sites</c> and
/// <c>STATIC SITES</c> are one.
/// </summary>
/// <remarks>
/// The <c>feed</c> tool groups its tag, category and author feeds by it, and <c>Feed.AspNetCore</c> passes the
/// normalized route value of a variant to the host's page source, so a host that stores its terms normalized by the same
/// rule answers every spelling alike. It decides identity only: feeds and pages still show the name as written, and
/// how a term becomes a URL (its slug) is the host's business. The rule is culture-invariant and uses the library's own
/// Unicode tables, so it gives the same key on every machine, under invariant globalization too. Stateless; safe to
/// call from any thread.
/// </remarks>
public static class FeedTerms
{
    /// <summary>Gets the key of <paramref name="term"/>: equal keys mean one term.</summary>
    /// <param name="term">A tag, category or author name, as written.</param>
    /// <returns>
    /// <para>The term in NFKC_Casefold form, with white space trimmed and collapsed:</para>
    /// <list type="number">
    /// <item><description>Unicode's compatibility caseless match (The Unicode Standard §3.13, D146):
    /// NFKD(toCasefold(NFKD(toCasefold(NFD(term))))) — compatibility characters become their plain forms (full-width
    /// <c>Ａ</c> is <c>a</c>, <c>ﬁ</c> is <c>fi</c>), and full case folding makes case disappear (<c>Straße</c> is
    /// <c>strasse</c>, <c>ΣΑΣ</c> is <c>σασ</c>), with no language's special rules (no Turkish dotless i);</description></item>
    /// <item><description>default-ignorable code points removed (soft hyphens, zero-width spaces and joiners, bidi
    /// controls, variation selectors), as NFKC_Casefold does;</description></item>
    /// <item><description>canonical composition (NFC), so the key reads as text: <c>Café</c> is <c>café</c> however its
    /// <c>é</c> was written;</description></item>
    /// <item><description>white space (the Unicode White_Space property) trimmed at both ends and every inner run made
    /// one space.</description></item>
    /// </list>
    /// <para>Empty when the term holds nothing else. The Unicode version of the tables is 14.0.</para>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is <see langword="null"/>.</exception>
    public static string Normalize(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return TermNormalizer.Normalize(term);
    }
}
