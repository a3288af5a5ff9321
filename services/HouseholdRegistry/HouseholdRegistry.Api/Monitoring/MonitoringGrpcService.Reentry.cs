using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Income;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>Re-entry (返贫入列): an exited household that has fallen back into poverty is registered again.</summary>
public sealed partial class MonitoringGrpcService
{
    [Allow(Roles.CountyOfficer, "register households again")]
    public override async Task<ReenterResponse> Reenter(ReenterRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await RegistryCalls.FindAsync(db.Households.Include(h => h.Members), id, caller, context.CancellationToken);
        if (MonitoringRules.WhyNoReentry(household.Status) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var reason = request.Reason.Trim();
        db.Reentries.Add(new ReentryRecord
        {
            HouseholdSeq = household.Seq,
            ExitedAt = household.ExitedAt,
            SupportUntil = household.SupportUntil,
            ReenteredAt = now,
            Reason = reason,
            By = caller.Subject,
        });
        household.Status = HouseholdStatus.Registered;
        household.ExitedAt = null;
        household.SupportUntil = null;
        household.PreExitMarkedYear = null;

        // A registered household is on the poverty roll, not monitored; sudden hardship stays until risk elimination.
        if (household.MonitoringCategory is MonitoringCategory.UnstableExited or MonitoringCategory.MarginalAtRisk)
        {
            MonitoringJournal.Apply(db, household, MonitoringTrigger.Reentered, reason, null, caller.Subject, now, policy.For(now));
        }

        db.AddEvent(new HouseholdReentered(household.Id, household.RegionCode, now, reason), household.Id.ToString(), now);
        db.Audit(context, "household.reenter", EntityType, household.Id);
        await RegistryCalls.SaveAsync(db, context.CancellationToken);
        return new ReenterResponse { Household = await household.ToMessage(protector, caller.HasPersonalDataScope).WithHelperAsync(db, context.CancellationToken) };
    }
}
