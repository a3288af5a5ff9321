using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;

namespace Platform.Assistance.Guarantees;

public static class ReassessingSave
{
    /// <summary>
    /// Saves the caller's record changes, reassesses the households they touch, and saves the new
    /// statuses with their GuaranteeStatusChanged events, all in one transaction: the rules read the
    /// records from the database, so they must be written first, but nothing commits unless all of it does.
    /// Returns how many household statuses changed. <paramref name="bulk"/> writes the statuses and
    /// events with multi-row commands (<see cref="GuaranteeAssessor.AssessInBulkAsync"/>), for department pushes;
    /// <paramref name="writeFirst"/> runs in the transaction before the records are saved (a department's bulk records).
    /// </summary>
    public static Task<int> SaveAndReassessAsync(this AssistanceDbContext db, GuaranteeAssessor assessor, IReadOnlyCollection<Guid> householdIds, CancellationToken ct, bool bulk = false, Func<CancellationToken, Task>? writeFirst = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (writeFirst is not null)
            {
                await writeFirst(ct);
            }

            await db.SaveChangesAsync(ct);
            var changed = bulk
                ? await assessor.AssessInBulkAsync(householdIds, ct)
                : await assessor.AssessAsync(householdIds, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return changed;
        });
    }
}
