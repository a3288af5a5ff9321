using System.Text;
using Microsoft.AspNetCore.Html;

namespace Platform.Portal.Charts;

/// <summary>One bar: its label, its length in the chart's unit, and the text written after it.</summary>
public sealed record Bar(string Label, double Value, string ValueText);

/// <summary>
/// A horizontal bar chart: one row per item, label on the left, bar, value after the bar. Used for
/// the cause mix (value = share of people) and guarantee coverage (value = % of households met).
/// Horizontal because the labels are words (因病, 缺劳力…) that read badly rotated.
/// </summary>
public static class HorizontalBars
{
    private const double LabelWidth = 180, ValueWidth = 110, Row = 28, BarHeight = 18, Top = 8;

    /// <param name="max">The value a full-length bar stands for (1 for shares, 100 for percentages).</param>
    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars, double max)
    {
        var span = Svg.Width - LabelWidth - ValueWidth;
        var body = new StringBuilder();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * Row;
            var length = max <= 0 ? 0 : span * Math.Clamp(bar.Value / max, 0, 1);
            body.Append(Svg.Text(LabelWidth - 8, y + BarHeight / 2, bar.Label, "end"))
                .Append(Svg.Rect(LabelWidth, y, length, BarHeight, "bar bar-a"))
                .Append(Svg.Text(LabelWidth + length + 6, y + BarHeight / 2, bar.ValueText));
        }

        // The axis line marks where bars start, so an empty bar still reads as zero.
        body.Append($"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{Top - 4}\" x2=\"{LabelWidth}\" y2=\"{Svg.N(Top + bars.Count * Row)}\"/>");
        return Svg.Frame(id, title, Top * 2 + Math.Max(bars.Count, 1) * Row, body.ToString());
    }
}
