using Platform.Employment.Contracts;

namespace Platform.Benchmarks.Relocation;

/// <summary>One seeded family: its members (all with labour, of working age) and what the events leave running.</summary>
public sealed record BenchFamily(Guid Id, string RegionCode, IReadOnlyList<Guid> Members)
{
    /// <summary>The members with a job still running after all of the family's events.</summary>
    public HashSet<Guid> ExpectedEmployed { get; } = [];

    public int ExpectedRunningJobs { get; set; }

    public bool ExpectedZeroEmployment => ExpectedEmployed.Count == 0;
}

/// <summary>
/// The employment events of the run. Each family gets its share of the events as start/end cycles of
/// jobs of its members, so its status flips between employed and zero-employment; every second family
/// first starts a job that never ends, so it finishes employed while the others finish as the last
/// cycle leaves them. Events go out round-robin across families (round r carries every family's r-th
/// event), so one family's events lie a whole round apart, as they would in real life.
/// </summary>
public static class EventPlan
{
    public static List<object> Build(IReadOnlyList<BenchFamily> families, int events, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var perFamily = new List<object>[families.Count];
        for (var f = 0; f < families.Count; f++)
        {
            var family = families[f];
            var count = events / families.Count + (f < events % families.Count ? 1 : 0);
            var sequence = perFamily[f] = new List<object>(count);
            var running = new Dictionary<Guid, Guid>(); // employment id → member
            (Guid Job, Guid Member)? cycle = null;
            var jobs = 0;
            for (var i = 0; i < count; i++)
            {
                if (cycle is { } open)
                {
                    sequence.Add(new EmploymentEnded(family.Id, open.Member, open.Job, family.RegionCode, today, now));
                    running.Remove(open.Job);
                    cycle = null;
                    continue;
                }

                var member = family.Members[jobs % family.Members.Count];
                var job = JobId(f, jobs++);
                sequence.Add(new EmploymentStarted(family.Id, member, job, family.RegionCode, "Workshop", today, now));
                running[job] = member;
                if (!(f % 2 == 1 && i == 0))
                {
                    cycle = (job, member); // the odd families' first job is the one that never ends
                }
            }

            family.ExpectedRunningJobs = running.Count;
            family.ExpectedEmployed.UnionWith(running.Values);
        }

        var ordered = new List<object>(events);
        for (var round = 0; ordered.Count < events; round++)
        {
            foreach (var sequence in perFamily)
            {
                if (round < sequence.Count)
                {
                    ordered.Add(sequence[round]);
                }
            }
        }

        return ordered;
    }

    /// <summary>A stable job id per family and job number, so a rerun can be compared.</summary>
    private static Guid JobId(int family, int job) => new($"{job:x8}-0000-7000-9000-{family:x12}");
}
