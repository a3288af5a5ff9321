using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Relocation.Data;
using Platform.Relocation.Plans;

namespace Platform.Relocation.FollowUp;

/// <summary>Configuration section <c>Relocation:FollowUp</c>.</summary>
public sealed class FollowUpSweepOptions
{
    public const string Section = "Relocation:FollowUp";

    /// <summary>How often every moved-in family is re-assessed; zero turns the sweep off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Re-assesses every moved-in family at an interval. Events keep families current, but time alone
/// changes them too: a member turns 16 and joins the labour seeking work, another passes the working
/// age, a new year brings a new policy. Each family saves on its own; one changed by an event
/// meanwhile is left to that event's own assessment and taken again by the next sweep.
/// </summary>
public sealed partial class FollowUpSweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<FollowUpSweepOptions> options, ILogger<FollowUpSweep> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                LogSwept(await SweepAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    /// <summary>Re-assesses every moved-in family once; returns how many were assessed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var count = 0;
        Guid? after = null;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RelocationDbContext>();
            var ids = await db.Set<RelocationPlan>().AsNoTracking()
                .Where(p => p.Stage != RelocationStage.Planned && (after == null || p.HouseholdId.CompareTo(after.Value) > 0))
                .OrderBy(p => p.HouseholdId).Select(p => p.HouseholdId).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return count;
            }

            var reconciler = scope.ServiceProvider.GetRequiredService<FollowUpReconciler>();
            foreach (var id in ids)
            {
                await reconciler.ReconcileAsync(id, time.GetUtcNow().UtcDateTime, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // An event re-assessed this family meanwhile; its assessment stands.
                }

                db.ChangeTracker.Clear();
            }

            count += ids.Count;
            after = ids[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep re-assessed {Families} moved-in families")]
    private partial void LogSwept(int families);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up sweep failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
