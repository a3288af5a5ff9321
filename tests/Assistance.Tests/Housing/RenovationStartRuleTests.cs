using Platform.Assistance.Housing;

namespace Platform.Assistance.Tests.Housing;

/// <summary>A renovation starts only for a dangerous house, with no open project and none accepted since its appraisal.</summary>
public sealed class RenovationStartRuleTests
{
    private static readonly DateOnly AppraisedOn = new(2026, 1, 15);

    private static HouseAppraisal Appraisal(HouseGrade grade) =>
        new() { Id = Guid.NewGuid(), Grade = grade, AppraisedOn = AppraisedOn, AppraiserName = "王工", RecordedBy = "officer" };

    private static RenovationProject Project(RenovationStatus status, DateOnly startedOn) =>
        new() { Id = Guid.NewGuid(), Kind = RenovationKind.Repair, Status = status, StartedOn = startedOn, RecordedBy = "officer" };

    [Theory]
    [InlineData(HouseGrade.A, false)]
    [InlineData(HouseGrade.B, false)]
    [InlineData(HouseGrade.C, true)]
    [InlineData(HouseGrade.D, true)]
    public void Only_a_house_graded_dangerous_gets_a_project(HouseGrade grade, bool starts) =>
        Assert.Equal(starts, RenovationStartRule.WhyNot(Appraisal(grade), []) is null);

    [Fact]
    public void A_house_never_appraised_gets_none() =>
        Assert.StartsWith("The house has not been appraised", RenovationStartRule.WhyNot(null, []));

    [Theory]
    [InlineData(RenovationStatus.Planned)]
    [InlineData(RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.Completed)]
    public void An_open_project_blocks_a_second(RenovationStatus status) =>
        Assert.StartsWith("The household already has an open renovation project", RenovationStartRule.WhyNot(Appraisal(HouseGrade.D), [Project(status, AppraisedOn.AddDays(-400))]));

    [Fact]
    public void A_project_accepted_since_the_appraisal_blocks_another_but_one_accepted_before_it_does_not()
    {
        Assert.Equal("The dangerous house of the latest appraisal has already been renovated and accepted.",
            RenovationStartRule.WhyNot(Appraisal(HouseGrade.D), [Project(RenovationStatus.Accepted, AppraisedOn)]));
        Assert.Null(RenovationStartRule.WhyNot(Appraisal(HouseGrade.D), [Project(RenovationStatus.Accepted, AppraisedOn.AddDays(-1))]));
        Assert.Null(RenovationStartRule.WhyNot(Appraisal(HouseGrade.D), [Project(RenovationStatus.Cancelled, AppraisedOn)]));
    }
}
