using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// Numbers committed changes, in one replica at a time (lease <see cref="DatabaseLease.ChangeSequencer"/>).
/// <para>
/// Why not the row id as the cursor: two transactions take ids in one order and may commit in the
/// other, so a reader that saw id 11 could later find id 10 appear and never read it. The sequencer
/// numbers only what is already committed, each batch after the highest number given, in one
/// statement under a lease: numbers become visible in increasing order with no gap, so "after n" is
/// exact. The changes of one household keep their order: its later change is written by a
/// transaction that began after the earlier one committed, so it has the higher id.
/// </para>
/// </summary>
public sealed partial class ChangeSequencer<TContext>(
    IServiceScopeFactory scopes,
    LeasedWork<TContext> leasedWork,
    ChangeHead head,
    ChangeFeedMetrics metrics,
    IOptions<ChangeFeedOptions> options,
    ILogger<ChangeSequencer<TContext>> logger) : BackgroundService
    where TContext : DbContext, IChangeFeedDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The holder keeps the lease while it runs (renewed as it goes); the others ask again later.
                if (!await leasedWork.RunUnderLeaseAsync(DatabaseLease.ChangeSequencer, o.SequencerLease, NumberWhileHeldAsync, stoppingToken))
                {
                    await Task.Delay(o.SequencerLease / 3, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(o.SequencerPoll * 5, stoppingToken);
            }
        }
    }

    private async Task NumberWhileHeldAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        while (!cancellationToken.IsCancellationRequested)
        {
            var numbered = await NumberBatchAsync(cancellationToken);
            if (numbered < o.SequencerBatch)
            {
                await head.WaitForWritesAsync(o.SequencerPoll, cancellationToken);
            }
        }
    }

    /// <summary>Numbers the next batch of committed changes; returns how many.</summary>
    public async Task<int> NumberBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var last = await db.Changes.MaxAsync(c => c.Sequence, cancellationToken) ?? 0;
        var numbered = await db.Database.ExecuteSqlRawAsync(NumberingSql(db.Database, options.Value.SequencerBatch), [last], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        head.Observe(last + numbered);
        metrics.Numbered(numbered);
        return numbered;
    }

    /// <summary>
    /// One statement: the oldest unnumbered rows (by id) get last+1, last+2, … The inner query repeats
    /// the partial index's condition as written, so SQLite reads the index of waiting rows only.
    /// </summary>
    private static string NumberingSql(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, int batch)
    {
        var waiting = $"SELECT \"Id\" FROM \"ChangeRecords\" WHERE {ChangeFeedModel.UnsequencedFilter} ORDER BY \"Id\"";
        return database.IsSqlServer()
            ? $$"""
               WITH b AS (SELECT TOP ({{batch}}) "Id" FROM "ChangeRecords" WHERE {{ChangeFeedModel.UnsequencedFilter}} ORDER BY "Id"),
                    r AS (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS rn FROM b)
               UPDATE c SET "Sequence" = {0} + r.rn FROM "ChangeRecords" AS c JOIN r ON c."Id" = r."Id"
               """
            : $$"""
               WITH b AS ({{waiting}} LIMIT {{batch}}),
                    r AS (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS rn FROM b)
               UPDATE "ChangeRecords" SET "Sequence" = {0} + r.rn FROM r WHERE "ChangeRecords"."Id" = r."Id"
               """;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Numbering the change log failed; trying again")]
    private partial void LogFailed(Exception error);
}
