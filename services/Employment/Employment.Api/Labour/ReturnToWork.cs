namespace Platform.Employment.Labour;

/// <summary>One job of a labourer, as the return-to-work rate sees it.</summary>
public readonly record struct JobSpan(Guid MemberId, DateOnly StartedOn, DateOnly? EndedOn)
{
    public bool RunsOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

/// <summary>The return-to-work figures of a region for a campaign.</summary>
public readonly record struct ReturnToWorkRate(int WorkedBefore, int Returned)
{
    /// <summary>Returned / worked-before in basis points, rounded down; 0 when nobody had worked before.</summary>
    public int BasisPoints => WorkedBefore == 0 ? 0 : (int)(Returned * 10_000L / WorkedBefore);
}

/// <summary>
/// 返岗率: of the labourers who had worked and whose job ended before the campaign started (e.g. came home
/// for the Spring Festival or lost work), how many have a job running on the given date.
/// </summary>
public static class ReturnToWorkCalculator
{
    public static ReturnToWorkRate Calculate(IEnumerable<JobSpan> jobs, DateOnly campaignStart, DateOnly asOf)
    {
        var workedBefore = 0;
        var returned = 0;
        foreach (var labourer in jobs.GroupBy(j => j.MemberId))
        {
            if (!labourer.Any(j => j.EndedOn < campaignStart))
            {
                continue;
            }

            workedBefore++;
            if (labourer.Any(j => j.RunsOn(asOf)))
            {
                returned++;
            }
        }

        return new ReturnToWorkRate(workedBefore, returned);
    }
}
