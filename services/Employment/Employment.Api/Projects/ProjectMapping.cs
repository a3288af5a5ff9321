using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Platform.Employment.Projects;

/// <summary>Domain values to messages. Proto enums carry an UNSPECIFIED zero, so each domain value is one less.</summary>
public static class ProjectMapping
{
    public static Proto.ProjectStatus ToProto(this ProjectStatus s) => (Proto.ProjectStatus)((int)s + 1);

    public static Proto.ProjectType ToProto(this ProjectType t) => (Proto.ProjectType)((int)t + 1);

    public static Proto.FundingSource ToProto(this FundingSource s) => (Proto.FundingSource)((int)s + 1);

    public static Proto.BenefitKind ToProto(this BenefitKind k) => (Proto.BenefitKind)((int)k + 1);

    /// <summary>The domain value of a proto enum, or null for UNSPECIFIED and numbers this version does not know.</summary>
    public static TDomain? FromProto<TDomain, TProto>(TProto value)
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        return number >= 0 && Enum.IsDefined(typeof(TDomain), number) ? (TDomain)Enum.ToObject(typeof(TDomain), number) : null;
    }

    public static Pa.Common.V1.Money Money(long fen) => new() { Fen = fen };

    public static Timestamp ToTimestamp(this DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>The project as listed; <see cref="ProjectDetails"/> adds its history.</summary>
    public static Proto.IndustryProject ToMessage(this IndustryProject p, int linkedHouseholds)
    {
        var message = new Proto.IndustryProject
        {
            ProjectId = p.Id.ToString(),
            VillageCode = p.VillageCode,
            CountyCode = p.CountyCode,
            Name = p.Name,
            Type = p.Type.ToProto(),
            Status = p.Status.ToProto(),
            ProposedBudget = Money(p.ProposedBudgetFen),
            ApprovedBudget = Money(p.ApprovedBudgetFen),
            ProgressPercent = p.ProgressPercent,
            Disbursed = Money(p.DisbursedFen),
            Disbursable = Money(ProjectLifecycle.Next(p.Status, ProjectStep.Disburse) is null
                ? 0
                : Reimbursement.Available(p.ProgressPercent, p.ApprovedBudgetFen, p.DisbursedFen)),
            ProposedBy = p.ProposedBy,
            ProposedAt = p.ProposedAt.ToTimestamp(),
            RejectionReason = p.RejectionReason ?? "",
            StopReason = p.StopReason ?? "",
            LinkedHouseholds = linkedHouseholds,
        };
        message.Funding.AddRange(p.Funding.OrderBy(f => f.Source).Select(f => new Proto.FundingShare { Source = f.Source.ToProto(), Amount = Money(f.AmountFen) }));
        return message;
    }

    public static Proto.ProjectAdjustment ToMessage(this ProjectAdjustment a) => new()
    {
        What = a.What,
        Why = a.Why,
        AdjustedBy = a.AdjustedBy,
        AdjustedAt = a.AdjustedAt.ToTimestamp(),
        OldBudget = Money(a.OldBudgetFen),
        NewBudget = Money(a.NewBudgetFen),
        StatusAtAdjustment = a.StatusAtAdjustment.ToProto(),
    };

    public static Proto.CompletionAcceptance ToMessage(this ProjectAcceptance a) => new()
    {
        Passed = a.Passed,
        Inspector = a.Inspector,
        InspectedOn = a.InspectedOn.ToProto(),
        Findings = a.Findings,
        RecordedBy = a.RecordedBy,
        RecordedAt = a.RecordedAt.ToTimestamp(),
    };

    public static Proto.ProgressReport ToMessage(this ProjectProgressReport r) => new()
    {
        Percent = r.Percent,
        VerifiedBy = r.VerifiedBy,
        VerifiedOn = r.VerifiedOn.ToProto(),
        RecordedBy = r.RecordedBy,
        RecordedAt = r.RecordedAt.ToTimestamp(),
    };

    public static Proto.Disbursement ToMessage(this ProjectDisbursement d) => new()
    {
        DisbursementId = d.Id.ToString(),
        ProjectId = d.ProjectId.ToString(),
        Amount = Money(d.AmountFen),
        ProgressPercent = d.ProgressPercent,
        Voucher = d.Voucher,
        DisbursedBy = d.DisbursedBy,
        DisbursedAt = d.DisbursedAt.ToTimestamp(),
    };

    public static Proto.BenefitLink ToMessage(this ProjectBenefitLink l, string projectName) => new()
    {
        ProjectId = l.ProjectId.ToString(),
        ProjectName = projectName,
        HouseholdId = l.HouseholdId.ToString(),
        HouseholdRegionCode = l.HouseholdRegionCode,
        Kind = l.Kind.ToProto(),
        AmountPerYear = Money(l.AmountPerYearFen),
        LinkedBy = l.LinkedBy,
        LinkedAt = l.LinkedAt.ToTimestamp(),
    };
}
