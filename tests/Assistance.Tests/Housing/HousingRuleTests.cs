using Platform.Assistance.Guarantees;
using Platform.Assistance.Housing;

namespace Platform.Assistance.Tests.Housing;

/// <summary>危房不住人、住人无危房: the latest appraisal decides, and a dangerous house needs an accepted renovation started on or after it.</summary>
public sealed class HousingRuleTests
{
    private static readonly DateOnly Appraised = new(2026, 1, 10);
    private static readonly DateTime Recorded = new(2026, 1, 11, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Never_appraised_is_unknown()
    {
        var finding = HousingRule.Decide([], []);

        Assert.Equal(GuaranteeState.Unknown, finding.State);
        Assert.Equal("", finding.DecidingRecord);
    }

    [Theory]
    [InlineData(HouseGrade.A)]
    [InlineData(HouseGrade.B)]
    public void A_safe_grade_is_met_by_its_appraisal(HouseGrade grade)
    {
        var appraisal = Appraisal(grade, Appraised);

        var finding = HousingRule.Decide([appraisal], []);

        Assert.Equal(GuaranteeState.Met, finding.State);
        Assert.Equal($"appraisal:{appraisal.Id}", finding.DecidingRecord);
    }

    [Theory]
    [InlineData(HouseGrade.C)]
    [InlineData(HouseGrade.D)]
    public void A_dangerous_grade_without_renovation_is_not_met_naming_grade_and_date(HouseGrade grade)
    {
        var appraisal = Appraisal(grade, Appraised);

        var finding = HousingRule.Decide([appraisal], []);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains($"grade {grade}", finding.Reason);
        Assert.Contains("2026-01-10", finding.Reason);
        Assert.Contains("no renovation project", finding.Reason);
        Assert.Equal($"appraisal:{appraisal.Id}", finding.DecidingRecord);
    }

    [Fact]
    public void C_with_an_accepted_renovation_started_on_the_appraisal_day_is_met()
    {
        var project = Project(RenovationKind.Repair, RenovationStatus.Accepted, startedOn: Appraised);

        var finding = HousingRule.Decide([Appraisal(HouseGrade.C, Appraised)], [project]);

        Assert.Equal(GuaranteeState.Met, finding.State);
        Assert.Equal($"renovation:{project.Id}", finding.DecidingRecord);
        Assert.Contains("repair was accepted", finding.Reason);
    }

    [Fact]
    public void An_accepted_renovation_started_before_the_appraisal_does_not_answer_it()
    {
        var project = Project(RenovationKind.Rebuild, RenovationStatus.Accepted, startedOn: Appraised.AddDays(-1));

        var finding = HousingRule.Decide([Appraisal(HouseGrade.C, Appraised)], [project]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
    }

    [Fact]
    public void C_with_a_completed_but_not_accepted_renovation_is_not_met_and_says_so()
    {
        var project = Project(RenovationKind.Rebuild, RenovationStatus.Completed, startedOn: Appraised.AddDays(5));

        var finding = HousingRule.Decide([Appraisal(HouseGrade.C, Appraised)], [project]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains("rebuild completed, not yet accepted", finding.Reason);
    }

    [Fact]
    public void D_whose_acceptance_failed_is_not_met_and_back_under_construction()
    {
        var project = Project(RenovationKind.Rebuild, RenovationStatus.UnderConstruction, startedOn: Appraised.AddDays(5));
        project.Inspections.Add(Inspection(project, passed: false, on: Appraised.AddDays(90)));

        var finding = HousingRule.Decide([Appraisal(HouseGrade.D, Appraised)], [project]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains("grade D", finding.Reason);
        Assert.Contains("under construction", finding.Reason);
    }

    [Fact]
    public void A_newer_D_appraisal_after_an_accepted_renovation_supersedes_it()
    {
        var project = Project(RenovationKind.Repair, RenovationStatus.Accepted, startedOn: Appraised.AddDays(5));
        var newer = Appraisal(HouseGrade.D, Appraised.AddDays(200));

        var finding = HousingRule.Decide([Appraisal(HouseGrade.C, Appraised), newer], [project]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Equal($"appraisal:{newer.Id}", finding.DecidingRecord);
        Assert.Contains("no renovation project", finding.Reason);
    }

    [Fact]
    public void A_relocation_instead_is_met_once_accepted_as_the_family_moved()
    {
        var project = Project(RenovationKind.RelocationInstead, RenovationStatus.Accepted, startedOn: Appraised.AddDays(5));
        project.Inspections.Add(Inspection(project, passed: true, on: new DateOnly(2026, 2, 20)));

        var finding = HousingRule.Decide([Appraisal(HouseGrade.D, Appraised)], [project]);

        Assert.Equal(GuaranteeState.Met, finding.State);
        Assert.Contains("moved to a relocation home", finding.Reason);
        Assert.Contains("2026-02-20", finding.Reason);
    }

    [Fact]
    public void A_cancelled_project_leaves_the_house_not_met_and_an_open_one_is_named_before_it()
    {
        var cancelled = Project(RenovationKind.Repair, RenovationStatus.Cancelled, startedOn: Appraised.AddDays(20));
        var planned = Project(RenovationKind.Rebuild, RenovationStatus.Planned, startedOn: Appraised.AddDays(10));

        Assert.Contains("repair cancelled", HousingRule.Decide([Appraisal(HouseGrade.C, Appraised)], [cancelled]).Reason);
        Assert.Contains("rebuild planned", HousingRule.Decide([Appraisal(HouseGrade.C, Appraised)], [cancelled, planned]).Reason);
    }

    [Fact]
    public void The_latest_appraisal_date_counts_before_the_time_it_was_recorded()
    {
        var earlierButRecordedLater = Appraisal(HouseGrade.D, Appraised, Recorded.AddDays(30));
        var later = Appraisal(HouseGrade.B, Appraised.AddDays(1), Recorded);

        Assert.Equal(GuaranteeState.Met, HousingRule.Decide([earlierButRecordedLater, later], []).State);
    }

    [Fact]
    public void On_the_same_appraisal_date_the_later_recorded_counts()
    {
        var first = Appraisal(HouseGrade.A, Appraised, Recorded);
        var second = Appraisal(HouseGrade.C, Appraised, Recorded.AddHours(1));

        Assert.Equal(GuaranteeState.NotMet, HousingRule.Decide([second, first], []).State);
        Assert.Equal(GuaranteeState.Met, HousingRule.Decide([Appraisal(HouseGrade.C, Appraised, Recorded), Appraisal(HouseGrade.A, Appraised, Recorded.AddHours(1))], []).State);
    }

    private static HouseAppraisal Appraisal(HouseGrade grade, DateOnly on, DateTime? recordedAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = Guid.Empty,
        Grade = grade,
        AppraisedOn = on,
        AppraiserName = "Wang",
        RecordedBy = "test",
        RecordedAt = recordedAt ?? Recorded,
    };

    private static RenovationProject Project(RenovationKind kind, RenovationStatus status, DateOnly startedOn) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Status = status,
        StartedOn = startedOn,
        StatusChangedAt = Recorded.AddDays(60),
        RecordedBy = "test",
        RecordedAt = Recorded,
    };

    private static AcceptanceInspection Inspection(RenovationProject project, bool passed, DateOnly on) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = project.Id,
        InspectedOn = on,
        Inspector = "Li",
        Passed = passed,
        FamilyMovedIn = passed,
    };
}
