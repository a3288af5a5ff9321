using System.Globalization;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Income;

/// <summary>
/// The order households marked for exit are taken in. Weishan's "一高、三优先" puts households
/// covered by household-level poverty projects, by poverty projects and by agriculture projects
/// first. The registry does not know project coverage (the employment service owns projects), so
/// this is the approximation its data allows: a planned exit year due by the year first, then the
/// production-and-employment pathway (the households projects are built for), then the largest
/// per-capita income margin over the line (the most stable exits), then the oldest file.
/// </summary>
public readonly record struct ExitOrder(bool PlannedDue, bool ProductionPathway, long MarginFen, long Seq) : IComparable<ExitOrder>
{
    public static ExitOrder Of(int? plannedExitYear, AssistancePathway pathway, long marginFen, long seq, int year) =>
        new(plannedExitYear is { } planned && planned <= year, pathway == AssistancePathway.ProductionAndEmployment, marginFen, seq);

    public int CompareTo(ExitOrder other)
    {
        var byPlan = other.PlannedDue.CompareTo(PlannedDue);
        if (byPlan != 0)
        {
            return byPlan;
        }

        var byPathway = other.ProductionPathway.CompareTo(ProductionPathway);
        if (byPathway != 0)
        {
            return byPathway;
        }

        var byMargin = other.MarginFen.CompareTo(MarginFen);
        return byMargin != 0 ? byMargin : Seq.CompareTo(other.Seq);
    }

    /// <summary>The page token key: every sort field, so the next page starts right after this household even if others changed.</summary>
    public string ToKey() => string.Create(CultureInfo.InvariantCulture, $"{(PlannedDue ? 1 : 0)}:{(ProductionPathway ? 1 : 0)}:{MarginFen}:{Seq}");

    public static bool TryParseKey(string key, out ExitOrder order)
    {
        order = default;
        var parts = key.Split(':');
        if (parts.Length != 4 || parts[0] is not ("0" or "1") || parts[1] is not ("0" or "1")
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var margin)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        order = new ExitOrder(parts[0] == "1", parts[1] == "1", margin, seq);
        return true;
    }
}
