using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

/// <summary>A service database that carries the outbox, the inbox and the replicas' leases next to its business tables.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }

    DbSet<DistributedLease> Leases { get; }
}

public static class MessagingModel
{
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(m => m.Id);
            e.Property(m => m.MessageType).HasMaxLength(512);
            e.Property(m => m.AggregateKey).HasMaxLength(128);
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => m.AggregateKey);
            e.HasIndex(m => m.NextAttemptAt);
            // Parked rows are few; the index lets the relay's gauge count them without reading the table.
            e.HasIndex(m => m.ParkedAt);
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(256);
            // The pruner deletes the oldest rows in chunks.
            e.HasIndex(m => m.ProcessedAt);
        });
        model.Entity<DistributedLease>(e =>
        {
            e.ToTable("Leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(128);
            e.Property(l => l.Holder).HasMaxLength(ReplicaIdentity.MaxLength);
        });
        return model;
    }
}
