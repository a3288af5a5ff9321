using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;

namespace Platform.HouseholdRegistry.Households;

/// <summary>
/// Puts the paired helper's name and work unit on household messages, so a reader of a household
/// (a village officer, the portal's household file) needs no helper listing, which is scoped to
/// the helper's region and often lies above the reader's. One key lookup per page.
/// </summary>
internal static class HelperNames
{
    public static async Task<Pa.Registry.V1.Household> WithHelperAsync(this Pa.Registry.V1.Household household, RegistryDbContext db, CancellationToken ct)
    {
        await FillAsync(db, [household], ct);
        return household;
    }

    public static async Task FillAsync(RegistryDbContext db, IReadOnlyCollection<Pa.Registry.V1.Household> households, CancellationToken ct)
    {
        var ids = households.Where(h => h.HelperId.Length > 0).Select(h => Guid.Parse(h.HelperId)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var helpers = await db.Helpers.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.Name, h.WorkUnit }).ToDictionaryAsync(h => h.Id.ToString(), ct);
        foreach (var household in households)
        {
            if (helpers.TryGetValue(household.HelperId, out var helper))
            {
                household.HelperName = helper.Name;
                household.HelperWorkUnit = helper.WorkUnit;
            }
        }
    }
}
