using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;
using Platform.Security;

namespace Platform.HouseholdRegistry.KeyRotation;

/// <summary>
/// Moves the registry's encrypted personal data (<see cref="EncryptedColumns.All"/>) to the active
/// key after a rotation, so the old key can leave the ring. One replica at a time (lease
/// <see cref="LeaseName"/>) walks each column in batches ordered by primary key; each batch commits
/// its rewrites with the position reached, so a restart, or another replica taking the lease over,
/// resumes there.
/// </summary>
public sealed partial class PersonalDataReEncryption(
    IServiceScopeFactory scopes,
    LeasedWork<RegistryDbContext> leasedWork,
    PersonalDataProtector protector,
    IOptions<ReEncryptionOptions> options,
    ILogger<PersonalDataReEncryption> logger) : BackgroundService
{
    public const string LeaseName = "personal-data-reencryption";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? leasedWork.RunEveryAsync(LeaseName, options.Value.Interval, RunAsync, stoppingToken, runAtStart: true)
            : Task.CompletedTask;

    /// <summary>Runs every column's batches from its saved position until its pass is done.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var column in EncryptedColumns.All)
        {
            while (await RunBatchAsync(column, cancellationToken))
            {
            }
        }
    }

    /// <summary>Re-encrypts the column's next batch and saves the position; false once its pass is done.</summary>
    public async Task<bool> RunBatchAsync(EncryptedColumn column, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var progress = await ProgressAsync(db, column.Name, cancellationToken);
            if (progress.Done)
            {
                return false;
            }

            var batchSize = options.Value.BatchSize;
            var values = await column.NextAsync(db, progress.After, batchSize, cancellationToken);
            foreach (var value in values.Where(v => protector.NeedsReEncryption(v.Cipher)))
            {
                progress.Moved += await column.RewriteAsync(db, value, protector.ReEncrypt(value.Cipher), cancellationToken);
            }

            progress.After = values.Count > 0 ? values[^1].Key : progress.After;
            progress.Done = values.Count < batchSize;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (progress.Done)
            {
                LogDone(progress.Moved, column.Name, progress.KeyId);
            }

            return !progress.Done;
        });
    }

    /// <summary>The column's pass towards the active key: the saved one, or a new one from its first row.</summary>
    private async Task<ReEncryptionProgress> ProgressAsync(RegistryDbContext db, string name, CancellationToken cancellationToken)
    {
        var progress = await db.ReEncryptions.FirstOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (progress is null)
        {
            progress = new ReEncryptionProgress { Name = name, KeyId = protector.ActiveKeyId };
            db.ReEncryptions.Add(progress);
        }
        else if (!string.Equals(progress.KeyId, protector.ActiveKeyId, StringComparison.OrdinalIgnoreCase))
        {
            LogNewPass(name, protector.ActiveKeyId, progress.KeyId);
            (progress.KeyId, progress.After, progress.Moved, progress.Done) = (protector.ActiveKeyId, null, 0, false);
        }

        return progress;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypting {Column} with key {KeyId} (the last pass was for key {PreviousKeyId})")]
    private partial void LogNewPass(string column, string keyId, string previousKeyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} values of {Column}; every value of it now uses key {KeyId}")]
    private partial void LogDone(long count, string column, string keyId);
}
