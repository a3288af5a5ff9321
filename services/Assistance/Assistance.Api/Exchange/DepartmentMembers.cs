using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Assistance.Exchange;

/// <summary>
/// Finds the members department rows are about. Departments know people by national ID; this
/// service never holds the number, only the platform's keyed hash, so rows are matched by hash and
/// only within the caller's region.
/// </summary>
public sealed class DepartmentMembers(PersonalDataProtector protector, TimeProvider time)
{
    public const string NotFoundReason = "no current member of a registered household with this national ID in your region";

    /// <summary>Adds a problem for <paramref name="field"/> when the national ID is not a valid one.</summary>
    public void Validate(string nationalId, string field, Platform.ServiceDefaults.FieldViolations problems)
    {
        var problem = NationalId.Check(nationalId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), out _);
        problems.Check(problem == NationalIdProblem.None, field, NationalId.Describe(problem));
    }

    /// <summary>
    /// The current member (with the household's region) for each row's national ID, tracked so the
    /// caller can attach records; rows whose person is unknown or outside the caller's region are rejected on <paramref name="field"/>.
    /// </summary>
    public async Task<Dictionary<DepartmentRow<TRow>, AssistedMember>> ResolveAsync<TRow>(
        AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<TRow>> rows, Func<TRow, string> nationalId, string field, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var hashes = new Dictionary<DepartmentRow<TRow>, string>();
        foreach (var row in rows.Where(r => r.Outcome == RowOutcome.Pending))
        {
            NationalId.Check(nationalId(row.Row), today, out var facts);
            hashes[row] = protector.LookupHash(facts.Normalized ?? "");
        }

        var wanted = hashes.Values.Distinct().ToList();
        var found = await db.Members
            .Where(m => m.IsCurrent && m.NationalIdLookup != null && wanted.Contains(m.NationalIdLookup))
            .Join(db.Households.InRegion(h => h.RegionCode, caller.Region), m => m.HouseholdId, h => h.Id, (m, h) => m)
            .ToListAsync(ct);
        var byHash = found.GroupBy(m => m.NationalIdLookup!).ToDictionary(g => g.Key, g => g.First());

        var resolved = new Dictionary<DepartmentRow<TRow>, AssistedMember>();
        foreach (var (row, hash) in hashes)
        {
            if (byHash.TryGetValue(hash, out var member))
            {
                resolved[row] = member;
            }
            else
            {
                row.Reject(field, NotFoundReason);
            }
        }

        return resolved;
    }
}
