using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;

namespace Platform.Assistance.Health;

/// <summary>Keeps a household's yearly medical sums in step with its hospitalisation records (unsaved).</summary>
public static class MedicalYears
{
    /// <summary>
    /// Re-sums the household's records of <paramref name="year"/>, counting <paramref name="written"/>
    /// as it is now (tracked but maybe unsaved, perhaps moved from another year by a correction).
    /// </summary>
    public static async Task<HouseholdMedicalYear> ResumAsync(AssistanceDbContext db, MedicalExpense written, int year, CancellationToken ct)
    {
        var stored = await db.Set<MedicalExpense>().Where(e => e.HouseholdId == written.HouseholdId && e.Year == year && e.Id != written.Id).ToListAsync(ct);
        var records = written.Year == year ? [.. stored, written] : stored;
        var row = await db.Set<HouseholdMedicalYear>().FindAsync([written.HouseholdId, year], ct);
        if (row is null)
        {
            row = new HouseholdMedicalYear { HouseholdId = written.HouseholdId, Year = year, RegionCode = written.RegionCode };
            db.Add(row);
        }

        row.RegionCode = written.RegionCode;
        row.CompliantFen = records.Sum(r => r.CompliantFen);
        row.CompliantOutOfPocketFen = records.Sum(r => r.Costs.CompliantOutOfPocketFen);
        row.FamilyPaysFen = records.Sum(r => r.Costs.FamilyPaysFen);
        row.LatestRecordId = records.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).LastOrDefault()?.Id ?? Guid.Empty;
        return row;
    }
}
