using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Messaging;
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
/// meanwhile is left to that event's own assessment and taken again by the next sweep. With several
/// replicas, only the one holding the lease <see cref="LeaseName"/> sweeps.
/// </summary>
public sealed partial class FollowUpSweep(
    IServiceScopeFactory scopes, LeasedWork<RelocationDbContext> leasedWork, TimeProvider time, IOptions<FollowUpSweepOptions> options, ILogger<FollowUpSweep> logger)
    : BackgroundService
{
    public const string LeaseName = "relocation-follow-up-sweep";

    private const int BatchSize = 500;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        return interval <= TimeSpan.Zero
            ? Task.CompletedTask
            : leasedWork.RunEveryAsync(LeaseName, interval, async ct => LogSwept(await SweepAsync(ct)), stoppingToken);
    }

    /// <summary>Re-assesses every moved-in family once; returns how many were assessed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var count = 0;
        // Every batch, the first included, is a range of the key after the last one taken (Guid.Empty
        // sorts first on every provider): a walk of the key from a point, never a read of every plan.
        var after = Guid.Empty;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RelocationDbContext>();
            var ids = await db.Set<RelocationPlan>().AsNoTracking()
                .Where(p => p.HouseholdId.CompareTo(after) > 0 && p.Stage != RelocationStage.Planned)
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
}
