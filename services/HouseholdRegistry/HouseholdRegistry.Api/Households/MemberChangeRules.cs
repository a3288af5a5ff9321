using Pa.Registry.V1;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

/// <summary>
/// Checks a change of a household's members against the household as it stands: every field
/// problem is named, and the household keeps exactly one head and at least one member.
/// Single-field rules (ids, reasons, facts stated, lengths) are in households.proto.
/// </summary>
public static class MemberChangeRules
{
    /// <summary>A rejected file is closed for good: its people apply again in a new file.</summary>
    public static string? WhyClosed(HouseholdStatus status) =>
        status == HouseholdStatus.Rejected ? "The household file is closed (rejected); file a new application instead." : null;

    /// <summary>The new members that passed validation; problems go to <paramref name="violations"/>.</summary>
    public static IReadOnlyList<ValidMember> Validate(ChangeMembersRequest request, Household household, DateOnly today, FieldViolations violations)
    {
        var current = household.Members.Where(m => m.RemovedAt == null).ToDictionary(m => m.Id);
        violations.Check(request.Add.Count + request.Remove.Count + request.Update.Count > 0, "add", "name at least one member to add, remove or update");

        var removed = new HashSet<Guid>();
        for (var i = 0; i < request.Remove.Count; i++)
        {
            var removal = request.Remove[i];
            var field = $"remove[{i}]";
            var member = Known(removal.MemberId, current, $"{field}.member_id", violations);
            if (member is not null && !removed.Add(member.Id))
            {
                violations.Add($"{field}.member_id", "is removed twice");
            }

            violations.Check(member is null || member.Relationship != Relationship.Head, $"{field}.member_id",
                "is the head of household; a household's head does not leave it (file the remaining members as a new household)");
        }

        for (var i = 0; i < request.Update.Count; i++)
        {
            var update = request.Update[i];
            var field = $"update[{i}]";
            var member = Known(update.MemberId, current, $"{field}.member_id", violations);
            violations.Check(member is null || !removed.Contains(member.Id), $"{field}.member_id", "is also removed");
            violations.Check(update.Health == HealthStatus.Disability ? update.DisabilityGrade is >= 1 and <= 4 : update.DisabilityGrade == 0,
                $"{field}.disability_grade", "must be 1–4 for a disabled member and 0 otherwise");
        }

        var added = new List<ValidMember>();
        var seen = new HashSet<string>();
        for (var i = 0; i < request.Add.Count; i++)
        {
            var member = ApplicationRules.ValidateMember(request.Add[i], $"add[{i}]", today, violations);
            violations.Check(request.Add[i].Relationship != Relationship.Head, $"add[{i}].relationship", "the household already has its head");
            if (member is not null && !seen.Add(member.Id.Normalized))
            {
                violations.Add($"add[{i}].national_id", "appears twice in this change");
            }
            else if (member is not null)
            {
                added.Add(member);
            }
        }

        violations.Check(current.Count - removed.Count + added.Count <= ApplicationRules.MaxMembers, "add", $"a household has at most {ApplicationRules.MaxMembers} members");
        return added;
    }

    private static Member? Known(string memberId, Dictionary<Guid, Member> current, string field, FieldViolations violations)
    {
        if (Ids.TryParse(memberId, out var id) && current.TryGetValue(id, out var member))
        {
            return member;
        }

        violations.Add(field, "is not a current member of this household");
        return null;
    }
}
