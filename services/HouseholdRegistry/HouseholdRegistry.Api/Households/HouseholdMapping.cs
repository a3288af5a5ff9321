using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Screening;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

internal static class HouseholdMapping
{
    /// <summary>The household as a caller sees it: national IDs in full only with the personal-data scope.</summary>
    public static Pa.Registry.V1.Household ToMessage(this Household h, PersonalDataProtector protector, bool showNationalIds)
    {
        var message = new Pa.Registry.V1.Household
        {
            HouseholdId = h.Id.ToString(),
            RegionCode = h.RegionCode,
            Address = h.Address,
            Status = h.Status,
            PrimaryCause = h.PrimaryCause,
            DeclaredIncomePerCapita = new Money { Fen = h.DeclaredIncomePerCapitaFen },
            AppliedAt = Timestamp.FromDateTime(h.AppliedAt),
            RegisteredAt = h.RegisteredAt is { } registered ? Timestamp.FromDateTime(registered) : null,
            ExitedAt = h.ExitedAt is { } exited ? Timestamp.FromDateTime(exited) : null,
            PlannedExitYear = h.PlannedExitYear ?? 0,
            Pathway = h.Pathway,
            MonitoringCategory = h.MonitoringCategory,
            IncomePerCapitaAtRegistration = h.IncomePerCapitaAtRegistrationFen is { } atRegistration ? new Money { Fen = atRegistration } : null,
            CurrentIncomePerCapita = h.CurrentIncomePerCapitaFen is { } current ? new Money { Fen = current } : null,
            CurrentIncomeYear = h.CurrentIncomeYear ?? 0,
            SupportUntil = h.SupportUntil?.ToProto(),
            HelperId = h.HelperId?.ToString() ?? "",
            Facts = h.Facts.Clone(),
            ScreeningOverride = h.ScreeningOverride?.Clone(),
            ConflictOfInterest = h.ConflictOfInterest,
            Guarantees = h.Guarantees is { } g ? new Pa.Registry.V1.GuaranteeStatus
            {
                FoodAndClothing = g.FoodAndClothing,
                Education = g.Education,
                Medical = g.Medical,
                Housing = g.Housing,
                Water = g.Water,
                ChangedAt = Timestamp.FromDateTime(g.ChangedAt),
                Reasons = { g.Reasons },
            } : null,
            PreExitMarkedYear = h.PreExitMarkedYear ?? 0,
        };
        message.OtherCauses.AddRange(h.OtherCauses);
        message.Priorities.AddRange(SixPriorities.FromMask(h.PriorityFlags));
        message.Members.AddRange(h.Members.Where(m => m.RemovedAt == null).OrderBy(m => m.Position).Select(m => new Pa.Registry.V1.Member
        {
            MemberId = m.Id.ToString(),
            Name = m.Name,
            NationalId = showNationalIds ? protector.Decrypt(m.NationalIdCipher) : NationalId.Mask(protector.Decrypt(m.NationalIdCipher)),
            Relationship = m.Relationship,
            Sex = m.Sex,
            BirthDate = m.BirthDate.ToProto(),
            Health = m.Health,
            DisabilityGrade = m.DisabilityGrade,
            LabourCapacity = m.LabourCapacity,
            Schooling = m.Schooling,
        }));
        return message;
    }

    public static HouseholdApplied ToApplied(this Household h) => new(
        h.Id,
        h.RegionCode,
        h.AppliedAt,
        h.PrimaryCause.ToString(),
        h.OtherCauses.Select(c => c.ToString()).ToList(),
        h.Members.Select(ToFacts).ToList());

    public static HouseholdRegistered ToRegistered(this Household h) => new(
        h.Id,
        h.RegionCode,
        h.RegisteredAt ?? throw new InvalidOperationException("Household is not registered."),
        h.PrimaryCause.ToString(),
        h.Pathway.ToString(),
        h.PlannedExitYear,
        h.Members.Where(m => m.IsActive).Select(ToFacts).ToList());

    public static HouseholdMembersChanged ToMembersChanged(this Household h, DateTime now) =>
        new(h.Id, h.RegionCode, now, h.Members.Where(m => m.IsActive).Select(ToFacts).ToList());

    public static MemberFacts ToFacts(Member m) => new(
        m.Id,
        m.Relationship.ToString(),
        m.Sex.ToString(),
        m.BirthDate,
        m.Health.ToString(),
        m.DisabilityGrade,
        m.LabourCapacity.ToString(),
        m.Schooling.ToString(),
        m.NationalIdHash);
}
