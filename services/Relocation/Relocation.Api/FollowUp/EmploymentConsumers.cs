using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Employment.Contracts;
using Platform.Messaging;
using Platform.Relocation.Data;
using Platform.Relocation.Households;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// Keeps the jobs of household members from the employment service's events. A job is kept even
/// before the household's plan (or registration) has arrived, so its follow-up is right when it does;
/// only households known not to be relocating are skipped.
/// </summary>
public static class JobLedger
{
    public static async Task<bool> IsIrrelevantAsync(RelocationDbContext db, Guid householdId, CancellationToken ct) =>
        await db.Households.AnyAsync(h => h.Id == householdId && h.Status != HouseholdStatus.Unknown && h.Pathway != "Relocation", ct);

    public static async Task<MemberJob> FindOrAddAsync(RelocationDbContext db, Guid employmentId, Guid householdId, Guid memberId, CancellationToken ct)
    {
        var job = await db.Set<MemberJob>().FirstOrDefaultAsync(j => j.EmploymentId == employmentId, ct);
        if (job is null)
        {
            job = new MemberJob { EmploymentId = employmentId, HouseholdId = householdId, MemberId = memberId };
            db.Add(job);
        }

        return job;
    }
}

/// <summary>
/// Base of the consumers of the employment service's events: apply to the jobs or the replica, then bring
/// the family's follow-up up to date; the inbox saves effect, events and message id together.
/// </summary>
public abstract class RelocationConsumer<TMessage>(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, RelocationDbContext>(db, time, metrics, logger)
    where TMessage : class
{
    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        if (await ApplyAsync(new ReplicaWriter(Db), message, ct) is { } householdId)
        {
            await followUp.ReconcileAsync(householdId, Time.GetUtcNow().UtcDateTime, ct);
        }
    }

    /// <summary>Applies the message; returns the household whose follow-up it may change, or null.</summary>
    protected abstract Task<Guid?> ApplyAsync(ReplicaWriter writer, TMessage message, CancellationToken ct);
}

public sealed class EmploymentStartedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<EmploymentStartedConsumer> logger)
    : RelocationConsumer<EmploymentStarted>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, EmploymentStarted message, CancellationToken ct)
    {
        if (await JobLedger.IsIrrelevantAsync(Db, message.HouseholdId, ct))
        {
            return null;
        }

        var job = await JobLedger.FindOrAddAsync(Db, message.EmploymentId, message.HouseholdId, message.MemberId, ct);
        (job.StartedOn, job.StartedAt, job.EmploymentType) = (message.StartedOn, message.StartedAt, message.EmploymentType);
        return message.HouseholdId;
    }
}

public sealed class EmploymentEndedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<EmploymentEndedConsumer> logger)
    : RelocationConsumer<EmploymentEnded>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, EmploymentEnded message, CancellationToken ct)
    {
        if (await JobLedger.IsIrrelevantAsync(Db, message.HouseholdId, ct))
        {
            return null;
        }

        var job = await JobLedger.FindOrAddAsync(Db, message.EmploymentId, message.HouseholdId, message.MemberId, ct);
        (job.EndedOn, job.EndedAt) = (message.EndedOn, message.EndedAt);
        return message.HouseholdId;
    }
}

/// <summary>A job-seeking wish recorded in the employment service says the member wishes to work.</summary>
public sealed class JobWishRecordedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<JobWishRecordedConsumer> logger)
    : RelocationConsumer<JobWishRecorded>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, JobWishRecorded message, CancellationToken ct)
    {
        if (await JobLedger.IsIrrelevantAsync(Db, message.HouseholdId, ct))
        {
            return null;
        }

        await writer.WorkWishAsync(message.HouseholdId, message.RegionCode, message.MemberId, WorkWish.Wishes, null, message.RecordedAt, ct);
        return message.HouseholdId;
    }
}
