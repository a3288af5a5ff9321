using Google.Protobuf.WellKnownTypes;
using Platform.Relocation.Plans;
using Proto = Pa.Relocation.V1;

namespace Platform.Relocation.Sites;

/// <summary>Site entities to messages; areas travel as whole hundredths of a square metre.</summary>
public static class SiteMapping
{
    public static int ToHundredths(decimal areaSqm) => (int)decimal.Round(areaSqm * 100m);

    public static decimal FromHundredths(int hundredths) => hundredths / 100m;

    public static Proto.Site ToMessage(this Site site, SiteOccupancy occupancy)
    {
        var message = new Proto.Site
        {
            SiteId = site.Id.ToString(),
            Name = site.Name,
            RegionCode = site.RegionCode,
            Type = (Proto.SiteType)site.Type,
            CapacityHouseholds = site.CapacityHouseholds,
            CapacityPeople = site.CapacityPeople,
            PublicServices = site.Services.ToMessage(),
            CaseOfficer = site.CaseOfficerSubject is null ? null : new Proto.CaseOfficer { Subject = site.CaseOfficerSubject, Name = site.CaseOfficerName ?? "" },
            Occupancy = occupancy.ToMessage(),
            CreatedAt = Utc(site.CreatedAt),
        };
        message.Units.AddRange(site.Units.OrderBy(u => u.Number, StringComparer.Ordinal).Select(u => new Proto.HousingUnit
        {
            UnitId = u.Id.ToString(),
            Number = u.Number,
            AreaSqmHundredths = ToHundredths(u.AreaSqm),
            HouseholdId = u.HouseholdId?.ToString() ?? "",
        }));
        message.Industries.AddRange(site.Industries.OrderBy(i => i.AddedAt).ThenBy(i => i.Name, StringComparer.Ordinal).Select(i => new Proto.LeadingIndustry
        {
            IndustryId = i.Id.ToString(),
            Name = i.Name,
            AddedAt = Utc(i.AddedAt),
        }));
        message.StandardGaps.AddRange(SiteStandards.Gaps(site.Services, site.Industries.Count));
        return message;
    }

    public static Proto.PublicServices ToMessage(this PublicServices s) => new()
    {
        School = s.School,
        Clinic = s.Clinic,
        CommunityServiceCentre = s.CommunityServiceCentre,
        EmploymentServiceStation = s.EmploymentServiceStation,
    };

    public static PublicServices ToEntity(this Proto.PublicServices? s) => new()
    {
        School = s?.School ?? false,
        Clinic = s?.Clinic ?? false,
        CommunityServiceCentre = s?.CommunityServiceCentre ?? false,
        EmploymentServiceStation = s?.EmploymentServiceStation ?? false,
    };

    public static Proto.SiteOccupancy ToMessage(this SiteOccupancy o) => new() { Households = o.Households, People = o.People };

    public static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
