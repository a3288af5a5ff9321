using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Platform.Portal.Charts;

/// <summary>
/// What the chart renderers share: an accessible SVG frame (role="img", a &lt;title&gt; it is labelled
/// by), escaped text and invariant numbers. Colours are classes (site.css maps them onto the palette's
/// variables), since the content security policy forbids inline styles and the palette lives in CSS.
/// </summary>
internal static class Svg
{
    public const int Width = 640;

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Wraps the body in an &lt;svg&gt; of the chart's height, titled for screen readers.</summary>
    public static IHtmlContent Frame(string id, string title, double height, string body)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{E(id)}-title\" viewBox=\"0 0 {Width} {N(height)}\" ")
           .Append($"width=\"{Width}\" height=\"{N(height)}\" xmlns=\"http://www.w3.org/2000/svg\">")
           .Append($"<title id=\"{E(id)}-title\">{E(title)}</title>")
           .Append(body)
           .Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Text at a point; anchor "start" or "end".</summary>
    public static string Text(double x, double y, string text, string anchor = "start", string css = "label") =>
        $"<text class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{E(text)}</text>";

    public static string Rect(double x, double y, double width, double height, string css) =>
        $"<rect class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(height)}\"/>";
}
