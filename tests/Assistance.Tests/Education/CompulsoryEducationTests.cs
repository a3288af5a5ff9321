using Platform.Assistance.Education;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Tests.Education;

/// <summary>The compulsory-education window, what counts as enrolled or exempt, and the education finding.</summary>
public sealed class CompulsoryEducationTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly YearPolicy Policy = new();

    private static AssistedMember ChildBorn(DateOnly birthDate, SchoolingStatus schooling = SchoolingStatus.InSchool) =>
        new() { Id = Guid.NewGuid(), BirthDate = birthDate, Schooling = schooling };

    private static Enrolment EnrolmentOf(AssistedMember child, int schoolYear, DateOnly? withdrawnOn = null) => new()
    {
        Id = Guid.NewGuid(), MemberId = child.Id, RegionCode = TestRegions.Village, SchoolName = "Chengguan Primary", Stage = SchoolStage.Primary,
        Grade = 4, SchoolYear = schoolYear, WithdrawnOn = withdrawnOn, RecordedBy = "t", RecordedAt = new DateTime(2025, 9, 1),
    };

    private static EducationExemption ExemptionOf(AssistedMember child, DateOnly from, DateOnly? until) => new()
    {
        Id = Guid.NewGuid(), MemberId = child.Id, RegionCode = TestRegions.Village, Kind = ExemptionKind.HomeTeaching, Reason = "severe disability",
        ApprovedBy = "county education bureau", From = from, Until = until, RecordedBy = "t", RecordedAt = new DateTime(2026, 1, 5),
    };

    [Theory]
    [InlineData(6, 1, false)] // 6th birthday tomorrow: still 5
    [InlineData(6, 0, true)] // 6th birthday today
    [InlineData(16, 1, true)] // 16th birthday tomorrow: still 15
    [InlineData(16, 0, false)] // 16th birthday today
    public void The_window_runs_from_the_sixth_birthday_to_the_day_before_the_sixteenth(int birthdayAge, int daysUntilBirthday, bool inWindow)
    {
        var child = ChildBorn(Day.AddDays(daysUntilBirthday).AddYears(-birthdayAge));

        Assert.Equal(inWindow, CompulsoryEducation.InWindow(child, Day, Policy));
    }

    [Fact]
    public void The_window_follows_the_years_policy()
    {
        var sixteen = ChildBorn(Day.AddYears(-16));

        Assert.True(CompulsoryEducation.InWindow(sixteen, Day, Policy with { CompulsoryEducationToAge = 16 }));
    }

    [Theory]
    [InlineData(2026, 8, 31, 2025)]
    [InlineData(2026, 9, 1, 2026)]
    [InlineData(2026, 1, 1, 2025)]
    public void A_school_year_starts_on_the_first_of_september(int year, int month, int day, int schoolYear) =>
        Assert.Equal(schoolYear, CompulsoryEducation.SchoolYearOf(new DateOnly(year, month, day)));

    [Fact]
    public void An_enrolment_of_the_current_school_year_not_withdrawn_counts_and_one_withdrawn_or_of_last_year_does_not()
    {
        var child = ChildBorn(Day.AddYears(-10));

        Assert.Equal(ChildStandingKind.Enrolled, Standing(child, [EnrolmentOf(child, 2025)], []).Kind);
        Assert.Equal(ChildStandingKind.Enrolled, Standing(child, [EnrolmentOf(child, 2025, withdrawnOn: Day.AddDays(1))], []).Kind);
        Assert.Equal(ChildStandingKind.AtRisk, Standing(child, [EnrolmentOf(child, 2025, withdrawnOn: Day)], []).Kind);
        Assert.Equal(ChildStandingKind.AtRisk, Standing(child, [EnrolmentOf(child, 2024)], []).Kind);
        Assert.Equal(ChildStandingKind.AtRisk, Standing(child, [EnrolmentOf(ChildBorn(Day.AddYears(-9)), 2025)], []).Kind);
    }

    [Fact]
    public void A_child_the_registry_lists_as_dropped_out_but_enrolled_per_the_department_is_enrolled()
    {
        var child = ChildBorn(Day.AddYears(-10), SchoolingStatus.DroppedOut);
        var enrolment = EnrolmentOf(child, 2025);

        var standing = Standing(child, [enrolment], []);

        Assert.Equal(ChildStandingKind.Enrolled, standing.Kind);
        Assert.Equal($"enrolment:{enrolment.Id}", standing.Record);
    }

    [Fact]
    public void An_exemption_counts_from_its_first_to_its_last_day()
    {
        var child = ChildBorn(Day.AddYears(-9));

        Assert.Equal(ChildStandingKind.Exempt, Standing(child, [], [ExemptionOf(child, Day, Day)]).Kind);
        Assert.Equal(ChildStandingKind.Exempt, Standing(child, [], [ExemptionOf(child, Day.AddYears(-1), null)]).Kind);
        Assert.Equal(ChildStandingKind.AtRisk, Standing(child, [], [ExemptionOf(child, Day.AddDays(1), null)]).Kind);
        Assert.Equal(ChildStandingKind.AtRisk, Standing(child, [], [ExemptionOf(child, Day.AddYears(-1), Day.AddDays(-1))]).Kind);
    }

    [Fact]
    public void A_child_outside_the_window_has_no_standing()
    {
        Assert.Null(CompulsoryEducation.Assess(Guid.NewGuid(), ChildBorn(Day.AddYears(-17)), [], [], Day, Policy));
    }

    [Fact]
    public void The_finding_is_not_met_naming_the_open_case_met_naming_the_latest_record_and_unknown_without_members()
    {
        var household = new AssistedHousehold { Id = Guid.NewGuid(), RegionCode = TestRegions.Village };
        var enrolled = ChildBorn(Day.AddYears(-8));
        var atRisk = ChildBorn(Day.AddYears(-12), SchoolingStatus.DroppedOut);
        var exempt = ChildBorn(Day.AddYears(-7));
        household.Members.AddRange([enrolled, atRisk, exempt]);
        var enrolment = EnrolmentOf(enrolled, 2025);
        var exemption = ExemptionOf(exempt, Day.AddMonths(-2), null);
        var openCase = new DropoutCase { Id = Guid.NewGuid(), HouseholdId = household.Id, MemberId = atRisk.Id, RegionCode = household.RegionCode };

        var notMet = EducationRule.Decide(household, [Standing(enrolled, [enrolment], []), Standing(atRisk, [], []), Standing(exempt, [], [exemption])],
            m => m == atRisk.Id ? openCase : null, Policy)!;
        Assert.Equal(GuaranteeState.NotMet, notMet.State);
        Assert.Equal($"dropout-case:{openCase.Id}", notMet.DecidingRecord);
        Assert.Contains("1 child", notMet.Reason);

        var met = EducationRule.Decide(household, [Standing(enrolled, [enrolment], []), Standing(exempt, [], [exemption])], _ => null, Policy)!;
        Assert.Equal(GuaranteeState.Met, met.State);
        Assert.Equal($"exemption:{exemption.Id}", met.DecidingRecord);

        var noChild = EducationRule.Decide(household, [], _ => null, Policy)!;
        Assert.Equal((GuaranteeState.Met, $"household:{household.Id}"), (noChild.State, noChild.DecidingRecord));

        Assert.Null(EducationRule.Decide(new AssistedHousehold { Id = Guid.NewGuid(), RegionCode = TestRegions.Village }, [], _ => null, Policy));
    }

    private static ChildStanding Standing(AssistedMember child, IEnumerable<Enrolment> enrolments, IEnumerable<EducationExemption> exemptions) =>
        CompulsoryEducation.Assess(Guid.Empty, child, enrolments, exemptions, Day, Policy)!;
}
