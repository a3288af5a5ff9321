using Platform.Assistance.Education;
using Platform.Assistance.Households;
using Platform.HouseholdReplica;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Tests.Education;

/// <summary>Tuition waivers: registered students, university for two years after exit, senior and vocational while support lasts.</summary>
public sealed class TuitionWaiverEligibilityTests
{
    private static readonly YearPolicy Policy = new();
    private static readonly DateTime ExitedAt = new(2024, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly SupportUntil = new(2026, 12, 31);

    private static AssistedHousehold Registered() => new() { Id = Guid.NewGuid(), RegionCode = TestRegions.Village, Status = HouseholdStatus.Registered };

    private static AssistedHousehold Exited(DateOnly? supportUntil) => new()
    {
        Id = Guid.NewGuid(), RegionCode = TestRegions.Village, Status = HouseholdStatus.Exited, ExitedAt = ExitedAt, SupportUntil = supportUntil,
    };

    [Theory]
    [InlineData(SchoolStage.Senior, true)]
    [InlineData(SchoolStage.Vocational, true)]
    [InlineData(SchoolStage.University, true)]
    [InlineData(SchoolStage.Junior, false)]
    [InlineData(SchoolStage.Primary, false)]
    public void A_registered_households_senior_vocational_and_university_students_qualify(SchoolStage stage, bool eligible) =>
        Assert.Equal(eligible, TuitionWaiverEligibility.Decide(Registered(), stage, new DateOnly(2026, 3, 2), Policy).Eligible);

    [Theory]
    [InlineData(2026, 6, 14, true)] // the last day of the two years
    [InlineData(2026, 6, 15, false)] // the second anniversary of the exit
    [InlineData(2024, 6, 15, true)]
    public void A_university_student_keeps_it_for_two_years_after_the_exit_date(int year, int month, int day, bool eligible)
    {
        var decision = TuitionWaiverEligibility.Decide(Exited(SupportUntil), SchoolStage.University, new DateOnly(year, month, day), Policy);

        Assert.Equal(eligible, decision.Eligible);
    }

    [Fact]
    public void The_university_period_follows_the_years_policy()
    {
        var threeYears = Policy with { PostExitUniversityTuitionYears = 3 };

        Assert.True(TuitionWaiverEligibility.Decide(Exited(null), SchoolStage.University, new DateOnly(2027, 6, 14), threeYears).Eligible);
        Assert.False(TuitionWaiverEligibility.Decide(Exited(null), SchoolStage.University, new DateOnly(2027, 6, 15), threeYears).Eligible);
    }

    [Theory]
    [InlineData(SchoolStage.Senior, 2026, 12, 31, true)]
    [InlineData(SchoolStage.Senior, 2027, 1, 1, false)]
    [InlineData(SchoolStage.Vocational, 2026, 12, 31, true)]
    [InlineData(SchoolStage.Vocational, 2027, 1, 1, false)]
    public void Senior_and_vocational_students_keep_it_while_the_post_exit_support_lasts(SchoolStage stage, int year, int month, int day, bool eligible)
    {
        var decision = TuitionWaiverEligibility.Decide(Exited(SupportUntil), stage, new DateOnly(year, month, day), Policy);

        Assert.Equal(eligible, decision.Eligible);
    }

    [Fact]
    public void Without_a_support_period_or_a_registration_there_is_no_waiver()
    {
        var noSupport = TuitionWaiverEligibility.Decide(Exited(null), SchoolStage.Senior, new DateOnly(2025, 1, 1), Policy);
        Assert.False(noSupport.Eligible);
        Assert.Contains("without a post-exit support period", noSupport.Reason);

        var unknown = new AssistedHousehold { Id = Guid.NewGuid(), RegionCode = TestRegions.Village, Status = HouseholdStatus.Unknown };
        Assert.False(TuitionWaiverEligibility.Decide(unknown, SchoolStage.University, new DateOnly(2026, 3, 2), Policy).Eligible);
    }
}
