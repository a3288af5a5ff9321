using System.Text;
using Microsoft.AspNetCore.Html;

namespace Platform.Portal.Charts;

/// <summary>One group: a label and two values compared side by side (e.g. exits and planned exits of a township).</summary>
public sealed record BarPair(string Label, long First, long Second);

/// <summary>
/// Grouped horizontal bars: per group, the first value's bar above the second's, on one scale, with a
/// legend naming the two series. Used for exits against the year's plan per township: a township
/// whose dark bar falls short of its plan bar is behind.
/// </summary>
public static class GroupedBars
{
    private const double LabelWidth = 130, ValueWidth = 60, BarHeight = 12, Gap = 2, GroupGap = 12, Legend = 28;

    public static IHtmlContent Render(string id, string title, string firstName, string secondName,
        IReadOnlyList<BarPair> groups, Func<long, string> format)
    {
        var span = Svg.Width - LabelWidth - ValueWidth;
        var max = groups.Count == 0 ? 0 : groups.Max(g => Math.Max(g.First, g.Second));
        var body = new StringBuilder();

        // Legend: a swatch and the series name for each bar colour.
        body.Append(Svg.Rect(LabelWidth, 6, 14, 14, "bar bar-a")).Append(Svg.Text(LabelWidth + 20, 13, firstName))
            .Append(Svg.Rect(LabelWidth + 200, 6, 14, 14, "bar bar-b")).Append(Svg.Text(LabelWidth + 220, 13, secondName));

        var group = BarHeight * 2 + Gap + GroupGap;
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var y = Legend + i * group;
            double Length(long v) => max == 0 ? 0 : span * v / max;
            body.Append(Svg.Text(LabelWidth - 8, y + BarHeight + Gap / 2, g.Label, "end"))
                .Append(Svg.Rect(LabelWidth, y, Length(g.First), BarHeight, "bar bar-a"))
                .Append(Svg.Text(LabelWidth + Length(g.First) + 6, y + BarHeight / 2, format(g.First), css: "label small"))
                .Append(Svg.Rect(LabelWidth, y + BarHeight + Gap, Length(g.Second), BarHeight, "bar bar-b"))
                .Append(Svg.Text(LabelWidth + Length(g.Second) + 6, y + BarHeight * 1.5 + Gap, format(g.Second), css: "label small"));
        }

        var bottom = Legend + Math.Max(groups.Count, 1) * group;
        body.Append($"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{Legend - 4}\" x2=\"{LabelWidth}\" y2=\"{Svg.N(bottom - GroupGap / 2)}\"/>");
        return Svg.Frame(id, title, bottom, body.ToString());
    }
}
