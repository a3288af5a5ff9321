using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Housing;

/// <summary>
/// The households of a region still living with a dangerous house: those whose stored housing
/// finding is not met (the rule says not met only for a C/D house without an accepted renovation).
/// </summary>
public static class DangerousHouses
{
    /// <summary>Up to <paramref name="take"/> houses in household-id order after <paramref name="after"/>, and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<Proto.DangerousHouse> Houses, int Total)> PageAsync(AssistanceDbContext db, RegionCode region, Guid? after, int take, CancellationToken ct)
    {
        var query = db.Guarantees.AsNoTracking().InRegion(g => g.RegionCode, region).Where(g => g.Housing.State == GuaranteeState.NotMet);
        var total = await query.CountAsync(ct);
        var rows = await query.Where(g => after == null || g.HouseholdId.CompareTo(after.Value) > 0)
            .OrderBy(g => g.HouseholdId).Take(take)
            .Select(g => new { g.HouseholdId, g.RegionCode, g.Housing.Reason })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.HouseholdId).ToList();
        var appraisals = (await db.Set<HouseAppraisal>().AsNoTracking().Where(a => ids.Contains(a.HouseholdId)).ToListAsync(ct)).ToLookup(a => a.HouseholdId);
        var projects = (await db.Set<RenovationProject>().AsNoTracking().Where(p => ids.Contains(p.HouseholdId)).ToListAsync(ct)).ToLookup(p => p.HouseholdId);

        var houses = new List<Proto.DangerousHouse>(rows.Count);
        foreach (var row in rows)
        {
            var house = new Proto.DangerousHouse { HouseholdId = row.HouseholdId.ToString(), RegionCode = row.RegionCode, Reason = row.Reason };
            if (HouseAppraisal.Latest(appraisals[row.HouseholdId]) is { } latest)
            {
                house.Grade = latest.Grade.ToProto();
                house.AppraisedOn = latest.AppraisedOn.ToProto();
                house.AppraisalId = latest.Id.ToString();
                if (HousingRule.CurrentProject(latest, projects[row.HouseholdId]) is { } project)
                {
                    house.RenovationId = project.Id.ToString();
                    house.RenovationStatus = project.Status.ToProto();
                }
            }

            houses.Add(house);
        }

        return (houses, total);
    }
}
