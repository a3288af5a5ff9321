namespace Platform.Employment.Welfare;

/// <summary>A period a labourer worked in a workshop; <see cref="LeftOn"/> is null while still employed.</summary>
public readonly record struct EmploymentPeriod(Guid LabourerId, DateOnly HiredOn, DateOnly? LeftOn);

public sealed record WorkshopSubsidyResult(int PoorEmployees, int MinimumPoorEmployees, long PerEmployeeFen, long AmountFen);

/// <summary>
/// The workshop subsidy (就业扶贫车间补贴) for a year. Chosen rule: a poor labourer counts once, in
/// full, if employed on at least one day of the year (hired on or before 31 December and not left
/// before 1 January) — not pro rata by months — because the subsidy rewards taking people on and
/// villages report headcounts, not person-months. Rehiring the same labourer does not count twice.
/// Below the minimum headcount there is no subsidy at all; from it on, every counted labourer earns
/// the full per-employee amount.
/// </summary>
public static class WorkshopSubsidyRule
{
    public static WorkshopSubsidyResult For(IEnumerable<EmploymentPeriod> periods, int year, long perEmployeeFen, int minimumPoorEmployees)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var counted = periods.Where(p => p.HiredOn <= last && (p.LeftOn is null || p.LeftOn >= first))
            .Select(p => p.LabourerId).Distinct().Count();
        var amount = counted >= minimumPoorEmployees ? checked(counted * perEmployeeFen) : 0;
        return new WorkshopSubsidyResult(counted, minimumPoorEmployees, perEmployeeFen, amount);
    }
}
