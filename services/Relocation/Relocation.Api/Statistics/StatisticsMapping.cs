using Platform.Relocation.Sites;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.Statistics;

public sealed record IndustryRow(Guid Id, string Name, int LinkedHouseholds);

/// <summary>One site's row of statistics.</summary>
public sealed record SiteRow(Site Site, RelocationFigures Figures, IReadOnlyList<IndustryRow> Industries, IReadOnlyList<string> StandardsGaps);

/// <summary>Statistics to their gRPC messages.</summary>
public static class StatisticsMapping
{
    public static V1.RelocationFigures ToMessage(this RelocationFigures f) => new()
    {
        FamiliesPlanned = f.FamiliesPlanned,
        FamiliesMovedIn = f.FamiliesMovedIn,
        PeoplePlanned = f.PeoplePlanned,
        PeopleMovedIn = f.PeopleMovedIn,
        FamiliesSeekingWork = f.FamiliesSeekingWork,
        EmployedFamilies = f.EmployedFamilies,
        EmployedFamilyRateBasisPoints = f.EmployedFamilyRateBasisPoints,
        ZeroEmploymentFamilies = f.ZeroEmploymentFamilies,
        OpenCases = f.OpenCases,
        OpenCasesUnassigned = f.OpenCasesUnassigned,
        HomesteadsReclaimed = f.HomesteadsReclaimed,
        HouseholdsLinkedToIndustry = f.HouseholdsLinkedToIndustry,
    };

    public static V1.SiteStatistics ToMessage(this SiteRow row)
    {
        var message = new V1.SiteStatistics
        {
            SiteId = row.Site.Id.ToString(),
            Name = row.Site.Name,
            RegionCode = row.Site.RegionCode,
            Figures = row.Figures.ToMessage(),
            Services = new V1.ServicesPresent
            {
                School = row.Site.Services.School,
                Clinic = row.Site.Services.Clinic,
                CommunityServiceCentre = row.Site.Services.CommunityServiceCentre,
                EmploymentServiceStation = row.Site.Services.EmploymentServiceStation,
            },
        };
        message.Industries.AddRange(row.Industries.Select(i => new V1.IndustryFigure { IndustryId = i.Id.ToString(), Name = i.Name, LinkedHouseholds = i.LinkedHouseholds }));
        message.StandardsGaps.AddRange(row.StandardsGaps);
        return message;
    }

    public static V1.ExitGap ToMessage(this ExitGap gap)
    {
        var message = new V1.ExitGap
        {
            Kind = gap.Kind switch
            {
                ExitGapKind.IncomeBelowLine => V1.ExitGapKind.IncomeBelowLine,
                ExitGapKind.IncomeUnknown => V1.ExitGapKind.IncomeUnknown,
                ExitGapKind.GuaranteeNotMet => V1.ExitGapKind.GuaranteeNotMet,
                ExitGapKind.ZeroEmployment => V1.ExitGapKind.ZeroEmployment,
                _ => V1.ExitGapKind.Unspecified,
            },
            IncomeYear = gap.IncomeYear ?? 0,
            PerCapitaNetIncome = gap.PerCapitaNetIncomeFen is { } income ? new Pa.Common.V1.Money { Fen = income } : null,
            PovertyLine = gap.PovertyLineFen is { } line ? new Pa.Common.V1.Money { Fen = line } : null,
            Guarantee = gap.Guarantee ?? "",
            GuaranteeState = gap.GuaranteeState ?? "",
        };
        message.Reasons.AddRange(gap.Reasons);
        return message;
    }
}
