using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

/// <summary>Changes of members: births and marriages in, deaths and departures out, and changed facts.</summary>
public sealed partial class HouseholdGrpcService
{
    [Allow(Roles.Recorders, "change household members")]
    public override async Task<ChangeMembersResponse> ChangeMembers(ChangeMembersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        violations.ThrowIfAny();

        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {id}");
        }

        if (MemberChangeRules.WhyClosed(household.Status) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var added = MemberChangeRules.Validate(request, household, DateOnly.FromDateTime(now), violations);
        violations.ThrowIfAny();

        var hashes = added.Select(m => protector.LookupHash(m.Id.Normalized)).ToList();
        await HouseholdFiling.EnsureNotActiveElsewhereAsync(db, hashes, context.CancellationToken);
        Apply(household, request, added, hashes, now);
        Screening.HouseholdScreening.Refresh(household, policy.For(now));

        db.Audit(context, "household.members_changed", EntityType, household.Id);
        db.AddEvent(household.ToMembersChanged(now), household.Id.ToString(), now);
        await HouseholdFiling.SaveActiveMembersAsync(db, hashes, context.CancellationToken);

        return new ChangeMembersResponse { Household = await household.ToMessage(protector, caller.HasPersonalDataScope).WithHelperAsync(db, context.CancellationToken) };
    }

    private void Apply(Household household, ChangeMembersRequest request, IReadOnlyList<ValidMember> added, List<string> hashes, DateTime now)
    {
        var members = household.Members.ToDictionary(m => m.Id);
        foreach (var removal in request.Remove)
        {
            var member = members[Guid.Parse(removal.MemberId)];
            member.IsActive = false;
            member.RemovedAt = now;
            member.RemovalReason = removal.Reason;
            member.RemovalNote = removal.Note.Trim();
        }

        foreach (var update in request.Update)
        {
            var member = members[Guid.Parse(update.MemberId)];
            member.Health = update.Health;
            member.DisabilityGrade = update.DisabilityGrade;
            member.LabourCapacity = update.LabourCapacity;
            member.Schooling = update.Schooling;
        }

        var position = household.Members.Count == 0 ? 0 : household.Members.Max(m => m.Position) + 1;
        foreach (var member in added.Select((m, i) => HouseholdFiling.NewMember(m, position + i, hashes[i], protector)))
        {
            household.Members.Add(member);

            // Its id is set here, so EF would otherwise take the new member for an existing row to update.
            db.Entry(member).State = EntityState.Added;
        }

        // A change of members alone must still move the household's version, so two officers cannot both change it.
        db.Entry(household).State = EntityState.Modified;
    }
}
