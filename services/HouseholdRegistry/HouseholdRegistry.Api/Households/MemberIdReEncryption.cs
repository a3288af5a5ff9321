using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;
using Platform.Security;

namespace Platform.HouseholdRegistry.Households;

/// <summary>
/// Moves members' national ID numbers to the active encryption key after a rotation, so the old key
/// can leave the ring. One replica at a time (lease <see cref="Name"/>) walks the members in batches
/// ordered by primary key; each batch commits its rewrites with the position reached, so a restart,
/// or another replica taking the lease over, resumes there.
/// </summary>
public sealed partial class MemberIdReEncryption(
    IServiceScopeFactory scopes,
    LeasedWork<RegistryDbContext> leasedWork,
    PersonalDataProtector protector,
    IOptions<ReEncryptionOptions> options,
    ILogger<MemberIdReEncryption> logger) : BackgroundService
{
    /// <summary>The lease and the progress row.</summary>
    public const string Name = "members-national-id";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? leasedWork.RunEveryAsync(Name, options.Value.Interval, RunAsync, stoppingToken, runAtStart: true)
            : Task.CompletedTask;

    /// <summary>Runs batches from the saved position until the pass is done.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await RunBatchAsync(cancellationToken))
        {
        }
    }

    /// <summary>Re-encrypts the next batch and saves the position; false once the pass is done.</summary>
    public async Task<bool> RunBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var progress = await ProgressAsync(db, cancellationToken);
            if (progress.Done)
            {
                return false;
            }

            var after = progress.After;
            var batchSize = options.Value.BatchSize;
            // Two query shapes rather than "@after IS NULL OR Id > @after", which no database seeks on the key for.
            var members = after is { } last ? db.Members.Where(m => m.Id > last) : db.Members;
            var rows = await members.OrderBy(m => m.Id).Take(batchSize)
                .Select(m => new { m.Id, m.NationalIdCipher }).ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => protector.NeedsReEncryption(r.NationalIdCipher)))
            {
                var moved = protector.ReEncrypt(row.NationalIdCipher);
                // Only if the value is still the one read: a concurrent change of the member wins.
                progress.Moved += await db.Members.Where(m => m.Id == row.Id && m.NationalIdCipher == row.NationalIdCipher)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NationalIdCipher, moved), cancellationToken);
            }

            progress.After = rows.Count > 0 ? rows[^1].Id : after;
            progress.Done = rows.Count < batchSize;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (progress.Done)
            {
                LogDone(progress.Moved, progress.KeyId);
            }

            return !progress.Done;
        });
    }

    /// <summary>The pass towards the active key: the saved one, or a new one from the first member.</summary>
    private async Task<ReEncryptionProgress> ProgressAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var progress = await db.ReEncryptions.FirstOrDefaultAsync(p => p.Name == Name, cancellationToken);
        if (progress is null)
        {
            progress = new ReEncryptionProgress { Name = Name, KeyId = protector.ActiveKeyId };
            db.ReEncryptions.Add(progress);
        }
        else if (!string.Equals(progress.KeyId, protector.ActiveKeyId, StringComparison.OrdinalIgnoreCase))
        {
            LogNewPass(protector.ActiveKeyId, progress.KeyId);
            (progress.KeyId, progress.After, progress.Moved, progress.Done) = (protector.ActiveKeyId, null, 0, false);
        }

        return progress;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypting members' ID numbers with key {KeyId} (the last pass was for key {PreviousKeyId})")]
    private partial void LogNewPass(string keyId, string previousKeyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} members' ID numbers; every member's ID number now uses key {KeyId}")]
    private partial void LogDone(long count, string keyId);
}
