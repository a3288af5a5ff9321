using Platform.HouseholdReplica;
using Platform.Assistance.Education;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Tests.Education;

/// <summary>Which subsidies an enrolment may get: only while current; waivers by eligibility; 雨露计划 for vocational students only.</summary>
public sealed class EducationSubsidyRuleTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly AssistedHousehold Registered = new() { Id = Guid.NewGuid(), RegionCode = TestRegions.Village, Status = HouseholdStatus.Registered };

    private static Enrolment Enrolment(SchoolStage stage, DateOnly? withdrawnOn = null) => new()
    {
        Id = Guid.NewGuid(), HouseholdId = Registered.Id, MemberId = Guid.NewGuid(), RegionCode = TestRegions.Village, Stage = stage,
        SchoolName = "霍邱一中", Grade = 10, SchoolYear = 2025, WithdrawnOn = withdrawnOn, RecordedBy = "officer",
    };

    private static string? WhyNot(Enrolment enrolment, SubsidyKind kind) => EducationSubsidyRule.WhyNot(enrolment, Registered, kind, Day, new YearPolicy());

    [Fact]
    public void An_ended_enrolment_gets_no_subsidy_of_any_kind()
    {
        foreach (var kind in Enum.GetValues<SubsidyKind>())
        {
            Assert.Equal("The enrolment ended on 2026-03-01.", WhyNot(Enrolment(SchoolStage.Vocational, withdrawnOn: Day.AddDays(-1)), kind));
        }

        Assert.Null(WhyNot(Enrolment(SchoolStage.Vocational), SubsidyKind.LivingSubsidy));
    }

    [Theory]
    [InlineData(SchoolStage.Junior, false)]
    [InlineData(SchoolStage.Senior, true)]
    [InlineData(SchoolStage.University, true)]
    public void A_tuition_waiver_follows_the_waiver_eligibility(SchoolStage stage, bool granted)
    {
        var why = WhyNot(Enrolment(stage), SubsidyKind.TuitionWaiver);

        Assert.Equal(granted, why is null);
        Assert.True(granted || why!.StartsWith("The student is not eligible for a tuition waiver: tuition waivers are for senior", StringComparison.Ordinal), why);
    }

    [Theory]
    [InlineData(SchoolStage.Vocational, true)]
    [InlineData(SchoolStage.Senior, false)]
    [InlineData(SchoolStage.University, false)]
    public void Rain_dew_plan_support_is_for_vocational_students_only(SchoolStage stage, bool granted) =>
        Assert.Equal(granted, WhyNot(Enrolment(stage), SubsidyKind.RainDewPlan) is null);

    [Fact]
    public void A_living_subsidy_has_no_further_condition() =>
        Assert.Null(WhyNot(Enrolment(SchoolStage.Primary), SubsidyKind.LivingSubsidy));
}
