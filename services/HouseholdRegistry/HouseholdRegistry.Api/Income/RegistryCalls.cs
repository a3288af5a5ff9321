using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Income;

/// <summary>The scoped household lookup and the save every income and monitoring call shares.</summary>
internal static class RegistryCalls
{
    /// <summary>The household if it exists and the caller's region covers it; otherwise NotFound, never revealing which.</summary>
    public static async Task<Household> FindAsync(IQueryable<Household> households, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var household = await households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        return RegionAccess.Visible(caller, household, h => h.RegionCode, $"Household {id}");
    }

    /// <summary>Runs the one SaveChanges of a call; a concurrent change of the same household answers Aborted.</summary>
    public static async Task SaveAsync(Data.RegistryDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted("The household was changed by someone else at the same time; read it again and retry.");
        }
    }
}
