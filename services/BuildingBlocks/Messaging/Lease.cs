using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Platform.Messaging;

/// <summary>
/// A named lease in the service database: the holder may do the leased work until <see cref="ExpiresAt"/>.
/// Replicas of one service share the database, so the row decides which of them does work that must
/// happen in one place only (the outbox relay, scheduled sweeps).
/// </summary>
public sealed class DistributedLease
{
    public required string Name { get; set; }

    /// <summary>The <see cref="ReplicaIdentity"/> of the holder.</summary>
    public required string Holder { get; set; }

    /// <summary>UTC. After it, any replica may take the lease over.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Acquires, renews and releases <see cref="DistributedLease"/> rows through EF only (one conditional
/// UPDATE, or an INSERT the primary key guards), so it works alike on SQLite, SQL Server and PostgreSQL.
/// Expiry is judged by the clock of the replica asking: replica clocks must agree well within the TTL
/// (NTP keeps them within milliseconds; a TTL is seconds or more).
/// </summary>
public static class DatabaseLease
{
    /// <summary>Well-known lease names of the messaging building block.</summary>
    public const string OutboxRelay = "outbox-relay";

    public const string InboxPruner = "inbox-pruner";

    /// <summary>The one replica that numbers committed changes (<see cref="ChangeFeed.ChangeSequencer{TContext}"/>).</summary>
    public const string ChangeSequencer = "change-sequencer";

    public const string ChangeLogPruner = "change-log-pruner";

    /// <summary>
    /// True when <paramref name="holder"/> holds lease <paramref name="name"/> until <paramref name="now"/> + <paramref name="ttl"/>:
    /// it held it already (a renewal), the previous holder's lease had expired, or there was no lease yet.
    /// Saves nothing else: <paramref name="db"/> must have no pending changes.
    /// </summary>
    public static async Task<bool> TryAcquireAsync<TContext>(TContext db, string name, string holder, TimeSpan ttl, DateTime now, CancellationToken cancellationToken)
        where TContext : DbContext, IMessagingDbContext
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("A lease is acquired on a context without pending changes: its SaveChanges would commit them too.");
        }

        var expiresAt = now + ttl;
        // One statement decides: two replicas racing for an expired lease cannot both match it.
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        var lease = db.Leases.Add(new DistributedLease { Name = name, Holder = holder, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another replica inserted the first row of this lease at the same moment and won on its key.
            return false;
        }
        finally
        {
            lease.State = EntityState.Detached;
        }
    }

    /// <summary>Ends the lease at once if <paramref name="holder"/> holds it, so another replica need not wait for the TTL.</summary>
    public static Task ReleaseAsync(IMessagingDbContext db, string name, string holder, CancellationToken cancellationToken) =>
        db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)), cancellationToken);
}
