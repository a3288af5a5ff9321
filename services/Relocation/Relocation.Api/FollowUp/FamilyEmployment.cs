using Platform.Relocation.Households;
using Platform.Relocation.Policy;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// A relocated family's employment on a day: the members with labour capacity of working age who
/// wish to work (or have not said they do not), and the members in a running job. A family with
/// someone seeking work and no one employed is a zero-employment family (零就业家庭); the aim is at
/// least one member in stable employment per family (搬迁一户、就业一人).
/// </summary>
public sealed record FamilyEmployment(IReadOnlyList<Guid> SeekingWork, IReadOnlyList<Guid> Employed, Guid? AnyRunningJob)
{
    public bool IsZeroEmployment => SeekingWork.Count > 0 && Employed.Count == 0;

    public static FamilyEmployment Assess(IEnumerable<RelocatedMember> members, IEnumerable<MemberJob> jobs, DateOnly today, YearPolicy policy)
    {
        var current = members.Where(m => m.IsCurrent).ToList();
        var seeking = current
            .Where(m => m.HasLabour && m.WorkWish != WorkWish.DoesNotWish)
            .Where(m => m.AgeOn(today) is var age && age >= policy.WorkingAgeFrom && age <= policy.WorkingAgeTo)
            .Select(m => m.Id)
            .ToList();
        var currentIds = current.Select(m => m.Id).ToHashSet();
        var running = jobs.Where(j => j.IsRunning && currentIds.Contains(j.MemberId)).OrderBy(j => j.StartedAt).ToList();
        var employed = running.Select(j => j.MemberId).Distinct().ToList();
        return new FamilyEmployment(seeking, employed, running.FirstOrDefault()?.EmploymentId);
    }
}
