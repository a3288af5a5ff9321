using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Relocation.Access;
using Platform.Relocation.Data;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;
using Platform.Relocation.Policy;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// 后续扶持: a relocated family's follow-up and the work-wish survey (就业意愿摸底) here; the
/// zero-employment cases and the industry links (产业带动) in the partial files. Origin and
/// destination read a family; only the destination manages its follow-up.
/// </summary>
public sealed partial class FollowUpGrpcService(RelocationDbContext db, FollowUpReconciler reconciler, FollowUpSweep sweep, RelocationPolicy policy, TimeProvider time)
    : V1.FollowUpService.FollowUpServiceBase
{

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Allow(Roles.Operator, "re-assess every family's follow-up")]
    public override async Task<V1.ReassessFamiliesResponse> ReassessFamilies(V1.ReassessFamiliesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var families = await sweep.SweepAsync(context.CancellationToken);
        db.Audit(context, "relocation.follow-up.reassess", "Region", caller.Region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.ReassessFamiliesResponse { Families = families };
    }

    [Allow(Roles.Readers, "read relocated families' follow-up")]
    public override async Task<V1.GetFamilyFollowUpResponse> GetFamilyFollowUp(V1.GetFamilyFollowUpRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.VisiblePlanAsync(db, caller, householdId, ct);
        db.Audit(context, "relocation.follow-up.read", nameof(RelocationPlan), householdId);
        await db.SaveChangesAsync(ct);
        return new V1.GetFamilyFollowUpResponse { Family = await FamilyAsync(plan, ct) };
    }

    [Allow(Roles.Recorders, "record work wishes")]
    public override async Task<V1.RecordWorkWishResponse> RecordWorkWish(V1.RecordWorkWishRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var wish = FollowUpMapping.FromMessage(request.Wish);
        var reason = request.Reason.Trim();
        violations.Check(wish != WorkWish.DoesNotWish || reason.Length > 0, "reason", "is required when the member does not wish to work");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.ManagedPlanAsync(db, caller, householdId, ct);
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !household.Members.Any(m => m.Id == memberId && m.IsCurrent))
        {
            throw RpcErrors.NotFound($"Member {memberId} of household {householdId}");
        }

        // A declined wish keeps its reason; a wish to work has none.
        await new ReplicaWriter(db).WorkWishAsync(householdId, household.RegionCode, memberId, wish,
            wish == WorkWish.DoesNotWish ? reason : null, Now, ct);
        await reconciler.ReconcileAsync(householdId, Now, ct);
        db.Audit(context, "relocation.follow-up.work-wish", nameof(RelocatedMember), memberId);
        await reconciler.SaveForCallAsync(ct);
        return new V1.RecordWorkWishResponse { Family = await FamilyAsync(plan, ct) };
    }

    /// <summary>The family as it stands: members assessed live by the same rule the reconciler uses.</summary>
    private async Task<V1.FamilyFollowUp> FamilyAsync(RelocationPlan plan, CancellationToken ct)
    {
        var householdId = plan.HouseholdId;
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        var jobs = await db.Set<MemberJob>().AsNoTracking().Where(j => j.HouseholdId == householdId).ToListAsync(ct);
        var cases = await db.Set<FollowUpCase>().AsNoTracking().Include(c => c.Actions).Where(c => c.HouseholdId == householdId).ToListAsync(ct);
        var family = FamilyEmployment.Assess(members, jobs, Today, policy.For(Today.Year));

        var message = new V1.FamilyFollowUp
        {
            HouseholdId = householdId.ToString(),
            OriginRegionCode = plan.OriginRegionCode,
            SiteId = plan.SiteId.ToString(),
            SiteRegionCode = plan.SiteRegionCode,
            MovedInOn = plan.MovedInOn?.ToProto(),
            MembersSeekingWork = family.SeekingWork.Count,
            MembersEmployed = family.Employed.Count,
            ZeroEmployment = family.IsZeroEmployment,
            OpenCase = cases.FirstOrDefault(c => c.IsOpen)?.ToMessage(withActions: true),
        };
        message.PastCases.AddRange(cases.Where(c => !c.IsOpen).OrderByDescending(c => c.OpenedAt).Select(c => c.ToMessage(withActions: true)));
        foreach (var member in members.Where(m => m.IsCurrent).OrderBy(m => m.BirthDate))
        {
            var job = jobs.Where(j => j.IsRunning && j.MemberId == member.Id).OrderBy(j => j.StartedAt).FirstOrDefault();
            message.Members.Add(new V1.FamilyMember
            {
                MemberId = member.Id.ToString(),
                Age = member.AgeOn(Today),
                LabourCapacity = member.LabourCapacity.ToMessage(),
                WorkWish = member.WorkWish.ToMessage(),
                WorkWishReason = member.WorkWishReason ?? "",
                WorkWishAsOf = member.WorkWishAsOf is { } asOf ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(FollowUpMapping.Utc(asOf)) : null,
                SeekingWork = family.SeekingWork.Contains(member.Id),
                Employed = job is not null,
                Job = job is null ? null : new V1.RunningJob
                {
                    EmploymentId = job.EmploymentId.ToString(),
                    EmploymentType = job.EmploymentType ?? "",
                    StartedOn = job.StartedOn?.ToProto(),
                },
            });
        }

        return message;
    }
}
