using Platform.Relocation.Plans;

namespace Platform.Relocation.Statistics;

/// <summary>What the figures need of one plan: its stage, people and the family's last follow-up assessment.</summary>
public readonly record struct PlanFacts(RelocationStage Stage, int People, int MembersSeekingWork, int MembersEmployed, bool IsZeroEmployment);

/// <summary>
/// The relocation figures of a site, or of a region as the sum of its sites' figures. The
/// employed-family rate (families with labour seeking work that have someone employed, per families
/// with labour seeking work) is in basis points, rounded down, and always computed from the counts.
/// </summary>
public sealed record RelocationFigures
{
    public int FamiliesPlanned { get; init; }

    public int FamiliesMovedIn { get; init; }

    public int PeoplePlanned { get; init; }

    public int PeopleMovedIn { get; init; }

    public int FamiliesSeekingWork { get; init; }

    public int EmployedFamilies { get; init; }

    /// <summary>Families seeking work with someone employed: the numerator of the rate.</summary>
    public int EmployedFamiliesWithLabour { get; init; }

    public int ZeroEmploymentFamilies { get; init; }

    public int OpenCases { get; init; }

    public int OpenCasesUnassigned { get; init; }

    public int HomesteadsReclaimed { get; init; }

    public int HouseholdsLinkedToIndustry { get; init; }

    public int EmployedFamilyRateBasisPoints => FamiliesSeekingWork == 0 ? 0 : (int)(EmployedFamiliesWithLabour * 10_000L / FamiliesSeekingWork);

    public static RelocationFigures Of(IReadOnlyCollection<PlanFacts> plans, int openCases, int openCasesUnassigned, int householdsLinked)
    {
        var planned = plans.Where(p => p.Stage == RelocationStage.Planned).ToList();
        var movedIn = plans.Where(p => p.Stage != RelocationStage.Planned).ToList();
        return new RelocationFigures
        {
            FamiliesPlanned = planned.Count,
            FamiliesMovedIn = movedIn.Count,
            PeoplePlanned = planned.Sum(p => p.People),
            PeopleMovedIn = movedIn.Sum(p => p.People),
            FamiliesSeekingWork = movedIn.Count(p => p.MembersSeekingWork > 0),
            EmployedFamilies = movedIn.Count(p => p.MembersEmployed > 0),
            EmployedFamiliesWithLabour = movedIn.Count(p => p.MembersSeekingWork > 0 && p.MembersEmployed > 0),
            ZeroEmploymentFamilies = movedIn.Count(p => p.IsZeroEmployment),
            OpenCases = openCases,
            OpenCasesUnassigned = openCasesUnassigned,
            HomesteadsReclaimed = plans.Count(p => p.Stage == RelocationStage.HomesteadReclaimed),
            HouseholdsLinkedToIndustry = householdsLinked,
        };
    }

    public static RelocationFigures Sum(IEnumerable<RelocationFigures> parts) => parts.Aggregate(new RelocationFigures(), (a, b) => new RelocationFigures
    {
        FamiliesPlanned = a.FamiliesPlanned + b.FamiliesPlanned,
        FamiliesMovedIn = a.FamiliesMovedIn + b.FamiliesMovedIn,
        PeoplePlanned = a.PeoplePlanned + b.PeoplePlanned,
        PeopleMovedIn = a.PeopleMovedIn + b.PeopleMovedIn,
        FamiliesSeekingWork = a.FamiliesSeekingWork + b.FamiliesSeekingWork,
        EmployedFamilies = a.EmployedFamilies + b.EmployedFamilies,
        EmployedFamiliesWithLabour = a.EmployedFamiliesWithLabour + b.EmployedFamiliesWithLabour,
        ZeroEmploymentFamilies = a.ZeroEmploymentFamilies + b.ZeroEmploymentFamilies,
        OpenCases = a.OpenCases + b.OpenCases,
        OpenCasesUnassigned = a.OpenCasesUnassigned + b.OpenCasesUnassigned,
        HomesteadsReclaimed = a.HomesteadsReclaimed + b.HomesteadsReclaimed,
        HouseholdsLinkedToIndustry = a.HouseholdsLinkedToIndustry + b.HouseholdsLinkedToIndustry,
    });
}
