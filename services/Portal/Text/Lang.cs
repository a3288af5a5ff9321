using System.Globalization;

namespace Platform.Portal.Text;

/// <summary>
/// The portal's two languages: Chinese (zh-CN), the officers' own and the default, and English. Each
/// text is written in both where it is used (<c>L["户数", "Households"]</c>), so a page reads in one
/// place and no text can be missing in one language. The request's culture decides (cookie or ?culture=).
/// </summary>
public static class Lang
{
    public const string Chinese = "zh-CN";

    public const string English = "en";

    public static readonly CultureInfo[] Cultures = [new(Chinese), new(English)];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The page's language tag for &lt;html lang&gt;.</summary>
    public static string Tag => IsEnglish ? English : Chinese;

    public static string Pick(string chinese, string english) => IsEnglish ? english : chinese;
}

/// <summary>What views inject as <c>L</c>: <c>@L["村", "Village"]</c>.</summary>
public sealed class Localizer
{
    public string this[string chinese, string english] => Lang.Pick(chinese, english);
}
