using Platform.Assistance.Education;

namespace Platform.Assistance.Tests.Education;

/// <summary>One current enrolment per member and school year; an enrolment ends once; visits only on open cases.</summary>
public sealed class EnrolmentRuleTests
{
    private static Enrolment Enrolment(int schoolYear, DateOnly? withdrawnOn = null) => new()
    {
        Id = Guid.NewGuid(), HouseholdId = Guid.NewGuid(), MemberId = Guid.NewGuid(), RegionCode = TestRegions.Village, Stage = SchoolStage.Primary,
        SchoolName = "新村小学", Grade = 3, SchoolYear = schoolYear, WithdrawnOn = withdrawnOn, RecordedBy = "officer",
    };

    [Fact]
    public void A_current_enrolment_of_the_same_school_year_blocks_a_second()
    {
        Assert.Equal("The member already has an enrolment for school year 2025; end it first (e.g. on a transfer).", EnrolmentRule.WhyNotEnrol([Enrolment(2025)], 2025));
        Assert.Null(EnrolmentRule.WhyNotEnrol([Enrolment(2025, withdrawnOn: new DateOnly(2026, 1, 10))], 2025));
        Assert.Null(EnrolmentRule.WhyNotEnrol([Enrolment(2024), Enrolment(2026)], 2025));
        Assert.Null(EnrolmentRule.WhyNotEnrol([], 2025));
    }

    [Fact]
    public void An_enrolment_ends_once()
    {
        Assert.Null(EnrolmentRule.WhyNotEnd(Enrolment(2025)));
        Assert.Equal("The enrolment already ended on 2026-01-10.", EnrolmentRule.WhyNotEnd(Enrolment(2025, withdrawnOn: new DateOnly(2026, 1, 10))));
    }

    [Fact]
    public void Visits_are_recorded_on_open_cases_only()
    {
        var @case = new DropoutCase { Id = Guid.NewGuid(), RegionCode = TestRegions.Village, OpenedAt = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Null(DropoutVisitRule.WhyNoVisit(@case));

        @case.ClosedAt = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        @case.ClosingReason = "enrolled";
        Assert.Equal("The case was closed on 2026-03-02: enrolled.", DropoutVisitRule.WhyNoVisit(@case));
    }
}
