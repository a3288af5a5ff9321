using Pa.Registry.V1;
using Member = Platform.HouseholdRegistry.Households.Member;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// 六优先 (six priorities): a household with a seriously ill member, a severely disabled member,
/// a student in school, no able-bodied labour, a dangerous house or a serious disaster is taken
/// first at identification.
/// </summary>
public static class SixPriorities
{
    /// <summary>The flags that hold for these (active) members and facts, in enum order.</summary>
    public static IReadOnlySet<Priority> Evaluate(IEnumerable<Member> members, HouseholdFacts facts, YearPolicy policy)
    {
        var list = members.ToList();
        var flags = new SortedSet<Priority>();
        Add(flags, Priority.SeriousIllness, list.Any(m => m.Health == HealthStatus.SeriousIllness));
        Add(flags, Priority.SevereDisability, list.Any(m => m.Health == HealthStatus.Disability && m.DisabilityGrade >= 1 && m.DisabilityGrade <= policy.SevereDisabilityMaxGrade));
        Add(flags, Priority.StudentInSchool, list.Any(m => m.Schooling == SchoolingStatus.InSchool));
        Add(flags, Priority.NoAbleBodiedLabour, !list.Any(m => m.LabourCapacity == LabourCapacity.Normal));
        Add(flags, Priority.DangerousHouse, facts.LivesInDangerousHouse?.Present == true);
        Add(flags, Priority.SeriousDisaster, facts.SufferedSeriousDisaster?.Present == true);
        return flags;
    }

    /// <summary>The flags as a bitmask column: bit n set for the enum value n.</summary>
    public static int ToMask(IEnumerable<Priority> flags) => flags.Aggregate(0, (mask, p) => mask | (1 << (int)p));

    public static IEnumerable<Priority> FromMask(int mask) =>
        Enum.GetValues<Priority>().Where(p => p != Priority.Unspecified && (mask & (1 << (int)p)) != 0);

    private static void Add(SortedSet<Priority> flags, Priority flag, bool holds)
    {
        if (holds)
        {
            flags.Add(flag);
        }
    }
}
