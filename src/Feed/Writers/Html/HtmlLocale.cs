using System.Globalization;
using System.Text;

namespace Feed.Writers.Html;

/// <summary>
/// The words and the date format of an HTML page, by the feed's language (BCP 47). Written out here rather than
/// taken from <see cref="CultureInfo"/>: culture data depends on the machine (ICU's version, or none at all under
/// invariant globalization, as in the <c>feed</c> tool), and the same feed must give the same bytes everywhere.
/// </summary>
/// <remarks>
/// <para>
/// The rule: the primary language subtag picks a row; for <c>zh</c>, script <c>Hant</c> or region TW, HK or MO picks
/// traditional characters, anything else simplified; for <c>en</c>, regions other than US (and its territories)
/// and CA, PH write the day first. The long date forms follow CLDR's <c>yMMMMd</c> pattern of each locale:
/// <c>March 10, 2024</c> (en), <c>10 March 2024</c> (en-GB), <c>2024年3月10日</c> (zh, ja), <c>2024년 3월 10일</c> (ko),
/// <c>10. März 2024</c> (de), <c>10 mars 2024</c> (fr), <c>10 de marzo de 2024</c> (es), <c>10 de março de 2024</c>
/// (pt), <c>10 marzo 2024</c> (it), <c>10 maart 2024</c> (nl), <c>10 марта 2024 г.</c> (ru).
/// </para>
/// <para>
/// Any other language (or none) gets the ISO 8601 date <c>2024-03-10</c>, which every reader can read, and the
/// English words. The date is the post's own calendar date: in the offset its <see cref="FeedPost.Published"/> was
/// given with, never converted to the machine's time zone.
/// </para>
/// </remarks>
internal sealed class HtmlLocale
{
    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly HtmlLocale English = new(
        DateForm.MonthDayYear, EnglishMonths, "Page {0}", "Pages", "Newer posts", "Older posts", "Subscribe", "Tags", "No posts yet.");

    private static readonly HtmlLocale EnglishDayFirst = English.With(DateForm.DayMonthYear);

    private static readonly HtmlLocale Fallback = English.With(DateForm.Iso);

    private static readonly HtmlLocale ChineseSimplified = new(
        DateForm.Cjk, [], "第 {0} 页", "分页", "较新的文章", "较早的文章", "订阅", "标签", "还没有文章。");

    private static readonly HtmlLocale ChineseTraditional = new(
        DateForm.Cjk, [], "第 {0} 頁", "分頁", "較新的文章", "較早的文章", "訂閱", "標籤", "還沒有文章。");

    private static readonly Dictionary<string, HtmlLocale> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        ["ja"] = new(DateForm.Cjk, [], "{0} ページ目", "ページ", "新しい記事", "古い記事", "購読", "タグ", "まだ記事がありません。"),
        ["ko"] = new(DateForm.Korean, [], "{0}페이지", "페이지", "최신 글", "이전 글", "구독", "태그", "아직 글이 없습니다."),
        ["de"] = new(DateForm.DayDotMonthYear,
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
            "Seite {0}", "Seiten", "Neuere Beiträge", "Ältere Beiträge", "Abonnieren", "Schlagwörter", "Noch keine Beiträge."),
        ["fr"] = new(DateForm.DayMonthYear,
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            "Page {0}", "Pages", "Articles plus récents", "Articles plus anciens", "S’abonner", "Étiquettes", "Aucun article pour l’instant."),
        ["es"] = new(DateForm.DayDeMonthDeYear,
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            "Página {0}", "Páginas", "Entradas más recientes", "Entradas anteriores", "Suscribirse", "Etiquetas", "Todavía no hay entradas."),
        ["pt"] = new(DateForm.DayDeMonthDeYear,
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            "Página {0}", "Páginas", "Publicações mais recentes", "Publicações anteriores", "Assinar", "Etiquetas", "Ainda não há publicações."),
        ["it"] = new(DateForm.DayMonthYear,
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            "Pagina {0}", "Pagine", "Articoli più recenti", "Articoli meno recenti", "Iscriviti", "Tag", "Ancora nessun articolo."),
        ["nl"] = new(DateForm.DayMonthYear,
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            "Pagina {0}", "Pagina’s", "Nieuwere berichten", "Oudere berichten", "Abonneren", "Tags", "Nog geen berichten."),
        // Russian dates use the genitive month ("10 марта"), CLDR's format form.
        ["ru"] = new(DateForm.DayMonthYearRussian,
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
            "Страница {0}", "Страницы", "Более новые записи", "Более ранние записи", "Подписаться", "Метки", "Записей пока нет."),
    };

    private readonly string[] _months;

    private HtmlLocale(
        DateForm form, string[] months, string pageTitle, string pages, string newer, string older, string subscribe, string tags, string empty)
    {
        Form = form;
        _months = months;
        PageTitle = pageTitle;
        Pages = pages;
        Newer = newer;
        Older = older;
        Subscribe = subscribe;
        Tags = tags;
        Empty = empty;
    }

    private enum DateForm
    {
        Iso,
        MonthDayYear,
        DayMonthYear,
        DayDotMonthYear,
        DayDeMonthDeYear,
        DayMonthYearRussian,
        Cjk,
        Korean,
    }

    /// <summary>Gets the name of page N (<c>{0}</c> is the number), as in a title: <c>Page 2</c>, <c>第 2 页</c>.</summary>
    public string PageTitle { get; }

    /// <summary>Gets the label of the page navigation.</summary>
    public string Pages { get; }

    /// <summary>Gets the label of the link to the previous (newer) page.</summary>
    public string Newer { get; }

    /// <summary>Gets the label of the link to the next (older) page.</summary>
    public string Older { get; }

    /// <summary>Gets the word before the feed links.</summary>
    public string Subscribe { get; }

    /// <summary>Gets the label of an entry's list of tags.</summary>
    public string Tags { get; }

    /// <summary>Gets what an empty page says.</summary>
    public string Empty { get; }

    private DateForm Form { get; }

    /// <summary>Gets the words and date format for <paramref name="languageTag"/> (see the remarks of the class).</summary>
    public static HtmlLocale For(string? languageTag)
    {
        if (string.IsNullOrEmpty(languageTag))
        {
            return Fallback;
        }

        string[] subtags = languageTag.Split('-');
        string language = subtags[0].ToLowerInvariant();
        if (language == "zh")
        {
            bool traditional = subtags.Skip(1).Any(s =>
                s.Equals("Hant", StringComparison.OrdinalIgnoreCase) || s.Equals("TW", StringComparison.OrdinalIgnoreCase)
                || s.Equals("HK", StringComparison.OrdinalIgnoreCase) || s.Equals("MO", StringComparison.OrdinalIgnoreCase));
            bool simplified = subtags.Skip(1).Any(s => s.Equals("Hans", StringComparison.OrdinalIgnoreCase));
            return traditional && !simplified ? ChineseTraditional : ChineseSimplified;
        }

        if (language == "en")
        {
            // CLDR: en (US) and the few English locales that follow it write the month first; the rest the day.
            string? region = subtags.Skip(1).FirstOrDefault(s => s.Length == 2 || (s.Length == 3 && char.IsAsciiDigit(s[0])));
            return region is null || region.ToUpperInvariant() is "US" or "CA" or "PH" or "AS" or "GU" or "MP" or "PR" or "UM" or "VI"
                ? English
                : EnglishDayFirst;
        }

        return ByLanguage.TryGetValue(language, out HtmlLocale? locale) ? locale : Fallback;
    }

    /// <summary>Writes the calendar date of <paramref name="date"/> (in its own offset) the way this language does.</summary>
    public string FormatDate(DateTimeOffset date)
    {
        string year = date.Year.ToString("0000", CultureInfo.InvariantCulture);
        string month = date.Month.ToString(CultureInfo.InvariantCulture);
        string day = date.Day.ToString(CultureInfo.InvariantCulture);
        string name = _months.Length == 12 ? _months[date.Month - 1] : string.Empty;
        return Form switch
        {
            DateForm.MonthDayYear => $"{name} {day}, {year}",
            DateForm.DayMonthYear => $"{day} {name} {year}",
            DateForm.DayDotMonthYear => $"{day}. {name} {year}",
            DateForm.DayDeMonthDeYear => $"{day} de {name} de {year}",
            DateForm.DayMonthYearRussian => $"{day} {name} {year} г.",
            DateForm.Cjk => $"{year}年{month}月{day}日",
            DateForm.Korean => $"{year}년 {month}월 {day}일",
            _ => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Gets the name of page <paramref name="number"/>.</summary>
    public string PageName(int number) =>
        new StringBuilder(PageTitle).Replace("{0}", number.ToString(CultureInfo.InvariantCulture)).ToString();

    private HtmlLocale With(DateForm form) =>
        new(form, _months, PageTitle, Pages, Newer, Older, Subscribe, Tags, Empty);
}
