using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Screening;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Tests.Screening;

public sealed class SixPrioritiesTests
{
    private static readonly YearPolicy Policy = new();

    private static Member Person(HealthStatus health = HealthStatus.Healthy, int grade = 0, LabourCapacity labour = LabourCapacity.Normal,
        SchoolingStatus schooling = SchoolingStatus.Completed, bool active = true) => new()
    {
        Name = "成员",
        NationalIdCipher = "",
        NationalIdHash = "",
        Health = health,
        DisabilityGrade = grade,
        LabourCapacity = labour,
        Schooling = schooling,
        IsActive = active,
    };

    private static Fact Present() => new() { Present = true, Source = FactSource.Declared };

    private static IReadOnlySet<Priority> Evaluate(HouseholdFacts? facts = null, YearPolicy? policy = null, params Member[] others) =>
        SixPriorities.Evaluate([Person(), .. others], facts ?? new HouseholdFacts(), policy ?? Policy);

    [Fact]
    public void A_healthy_household_with_labour_has_no_priority() => Assert.Empty(Evaluate());

    [Fact]
    public void A_seriously_ill_member_gives_priority_and_a_chronic_illness_does_not()
    {
        Assert.Equal([Priority.SeriousIllness], Evaluate(others: Person(HealthStatus.SeriousIllness)));
        Assert.Empty(Evaluate(others: Person(HealthStatus.ChronicIllness)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Disability_grades_one_and_two_are_severe(int grade, bool severe) =>
        Assert.Equal(severe, Evaluate(others: Person(HealthStatus.Disability, grade)).Contains(Priority.SevereDisability));

    [Fact]
    public void The_severe_disability_grade_comes_from_the_years_policy()
    {
        var strict = new YearPolicy { SevereDisabilityMaxGrade = 1 };

        Assert.DoesNotContain(Priority.SevereDisability, Evaluate(policy: strict, others: Person(HealthStatus.Disability, 2)));
        Assert.Contains(Priority.SevereDisability, Evaluate(policy: strict, others: Person(HealthStatus.Disability, 1)));
    }

    [Theory]
    [InlineData(SchoolingStatus.InSchool, true)]
    [InlineData(SchoolingStatus.DroppedOut, false)]
    [InlineData(SchoolingStatus.NotOfSchoolAge, false)]
    public void A_student_in_school_gives_priority(SchoolingStatus schooling, bool priority) =>
        Assert.Equal(priority, Evaluate(others: Person(schooling: schooling)).Contains(Priority.StudentInSchool));

    [Fact]
    public void No_member_with_normal_labour_means_no_able_bodied_labour()
    {
        var members = new[] { Person(labour: LabourCapacity.Weak), Person(labour: LabourCapacity.None) };

        Assert.Equal([Priority.NoAbleBodiedLabour], SixPriorities.Evaluate(members, new HouseholdFacts(), Policy));
        Assert.Empty(SixPriorities.Evaluate([.. members, Person()], new HouseholdFacts(), Policy));
    }

    [Fact]
    public void Dangerous_house_and_serious_disaster_count_only_when_present()
    {
        var facts = new HouseholdFacts { LivesInDangerousHouse = Present(), SufferedSeriousDisaster = Present() };
        var absent = new HouseholdFacts
        {
            LivesInDangerousHouse = new Fact { Present = false, Source = FactSource.CrossChecked },
            SufferedSeriousDisaster = new Fact(),
        };

        Assert.Equal([Priority.DangerousHouse, Priority.SeriousDisaster], Evaluate(facts));
        Assert.Empty(Evaluate(absent));
    }

    [Fact]
    public void The_bitmask_round_trips_every_flag()
    {
        var all = Enum.GetValues<Priority>().Where(p => p != Priority.Unspecified).ToList();

        Assert.Equal(all, SixPriorities.FromMask(SixPriorities.ToMask(all)));
        Assert.Equal([Priority.StudentInSchool], SixPriorities.FromMask(SixPriorities.ToMask([Priority.StudentInSchool])));
        Assert.Empty(SixPriorities.FromMask(0));
    }

    [Fact]
    public void Refresh_reads_only_active_members_and_stores_flags_count_and_conflict_of_interest()
    {
        var household = new Household
        {
            RegionCode = Seeded.Qilipeng,
            AppliedBy = "test",
            Members = [Person(labour: LabourCapacity.Weak), Person(HealthStatus.SeriousIllness, active: false)],
            Facts = new HouseholdFacts { CadreKinships = { new CadreKinship { Kind = CadreKind.VillageCadre, CadreName = "王村长", Relation = "兄弟" } } },
        };

        HouseholdScreening.Refresh(household, Policy);

        Assert.Equal([Priority.NoAbleBodiedLabour], SixPriorities.FromMask(household.PriorityFlags));
        Assert.Equal(1, household.PriorityCount);
        Assert.True(household.ConflictOfInterest);
    }
}
