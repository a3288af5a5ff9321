using Google.Protobuf.WellKnownTypes;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

internal static class SupportMapping
{
    /// <summary>Keeps the first three and last four digits, as phone numbers are shown on public lists.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length > 7 ? string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)) : new string('*', phone.Length);

    public static Pa.Registry.V1.Helper ToMessage(this Helper h, PersonalDataProtector protector, bool showPhone, int pairedHouseholds)
    {
        var phone = protector.Decrypt(h.PhoneCipher);
        return new Pa.Registry.V1.Helper
        {
            HelperId = h.Id.ToString(),
            Name = h.Name,
            WorkUnit = h.WorkUnit,
            Phone = showPhone ? phone : MaskPhone(phone),
            RegionCode = h.RegionCode,
            Active = h.Active,
            PairedHouseholds = pairedHouseholds,
        };
    }

    public static Pa.Registry.V1.HelperPairing ToMessage(this HelperPairing p) => new()
    {
        HouseholdId = p.HouseholdId.ToString(),
        HelperId = p.HelperId.ToString(),
        From = Timestamp.FromDateTime(p.From),
        To = p.To is { } to ? Timestamp.FromDateTime(to) : null,
    };

    public static Pa.Registry.V1.WorkTeam ToMessage(this WorkTeam t) => new()
    {
        WorkTeamId = t.Id.ToString(),
        VillageCode = t.VillageCode,
        PairedUnit = t.PairedUnit,
        FirstSecretaryName = t.FirstSecretaryName,
        MemberNames = { t.MemberNames },
        From = t.From.ToProto(),
        To = t.To?.ToProto(),
    };

    public static Pa.Registry.V1.Visit ToMessage(this Visit v) => new()
    {
        VisitId = v.Id.ToString(),
        HouseholdId = v.HouseholdId.ToString(),
        HelperId = v.HelperId.ToString(),
        VisitDate = v.VisitDate.ToProto(),
        Content = v.Content,
        FollowUp = v.FollowUp,
        RecordedBy = v.RecordedBy,
        RecordedAt = Timestamp.FromDateTime(v.RecordedAt),
    };

    public static Pa.Registry.V1.AssistanceMeasure ToMessage(this AssistanceMeasure m) => new()
    {
        MeasureId = m.Id.ToString(),
        HouseholdId = m.HouseholdId.ToString(),
        Kind = m.Kind,
        Description = m.Description,
        PlannedYear = m.PlannedYear,
        Status = m.Status,
        DoneAt = m.DoneAt is { } done ? Timestamp.FromDateTime(done) : null,
        DoneBy = m.DoneBy ?? "",
    };
}
