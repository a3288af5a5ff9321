using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Platform.HouseholdRegistry.Contracts;
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
        };
        message.OtherCauses.AddRange(h.OtherCauses);
        message.Members.AddRange(h.Members.OrderBy(m => m.Position).Select(m => new Pa.Registry.V1.Member
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

    private static MemberFacts ToFacts(Member m) => new(
        m.Id,
        m.Relationship.ToString(),
        m.Sex.ToString(),
        m.BirthDate,
        m.Health.ToString(),
        m.DisabilityGrade,
        m.LabourCapacity.ToString(),
        m.Schooling.ToString());
}
