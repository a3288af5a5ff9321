namespace Platform.HouseholdRegistry.Contracts;

/// <summary>A consuming service's copy of a registry member: the member id, and whether they are still in the household.</summary>
public interface IMemberReplica
{
    Guid Id { get; }

    bool IsCurrent { get; set; }
}

/// <summary>How a consuming service applies the full current member list that HouseholdRegistered and HouseholdMembersChanged carry.</summary>
public static class MemberFactsList
{
    /// <summary>
    /// The list replaces the replica's current members: those no longer listed stay as former members
    /// (so their history stays readable), listed ones are added with <paramref name="create"/> when new
    /// and then updated with <paramref name="copy"/>.
    /// </summary>
    public static void ApplyTo<TMember>(this IReadOnlyList<MemberFacts> facts, ICollection<TMember> members, Func<Guid, TMember> create, Action<TMember, MemberFacts> copy)
        where TMember : IMemberReplica
    {
        var listed = facts.Select(f => f.MemberId).ToHashSet();
        foreach (var gone in members.Where(m => !listed.Contains(m.Id)))
        {
            gone.IsCurrent = false;
        }

        foreach (var f in facts)
        {
            var member = members.FirstOrDefault(m => m.Id == f.MemberId);
            if (member is null)
            {
                member = create(f.MemberId);
                members.Add(member);
            }

            member.IsCurrent = true;
            copy(member, f);
        }
    }
}
