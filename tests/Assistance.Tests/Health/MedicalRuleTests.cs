using Platform.Assistance.Guarantees;
using Platform.Assistance.Health;

namespace Platform.Assistance.Tests.Health;

/// <summary>基本医疗有保障 for a year, decided from enrolments and the household's out-of-pocket flag.</summary>
public sealed class MedicalRuleTests
{
    private const int Year = 2026;
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid[] Members = [Head, Child];

    private static InsuranceEnrolment Enrolment(Guid member, EnrolmentStatus status = EnrolmentStatus.Enrolled, int year = Year) => new()
    {
        Id = Guid.CreateVersion7(), MemberId = member, Year = year, Status = status, RegionCode = "341522100201",
        Source = "officer", RecordedBy = "officer", RecordedAt = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
    };

    private static HouseholdMedicalYear Costs(long compliant, long outOfPocket) => new()
    {
        Year = Year, RegionCode = "341522100201", CompliantFen = compliant, CompliantOutOfPocketFen = outOfPocket, LatestRecordId = Guid.NewGuid(),
    };

    private static GuaranteeFinding Decide(IReadOnlyCollection<InsuranceEnrolment> enrolments, HouseholdMedicalYear? costs = null) =>
        MedicalRule.Decide(Year, Members, enrolments, costs, 0.10m);

    [Fact]
    public void Every_current_member_enrolled_is_met_with_an_enrolment_deciding()
    {
        var finding = Decide([Enrolment(Head), Enrolment(Child)]);

        Assert.Equal(GuaranteeState.Met, finding.State);
        Assert.StartsWith("enrolment:", finding.DecidingRecord);
    }

    [Fact]
    public void A_member_without_enrolment_is_not_met_and_the_reason_counts_them()
    {
        var finding = Decide([Enrolment(Head)]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains("1 of 2 members", finding.Reason);
    }

    [Fact]
    public void A_lapsed_enrolment_counts_as_not_enrolled()
    {
        var finding = Decide([Enrolment(Head), Enrolment(Child, EnrolmentStatus.Lapsed)]);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains("1 of 2", finding.Reason);
    }

    [Fact]
    public void No_enrolment_record_for_the_year_is_unknown_even_with_records_of_other_years_or_former_members()
    {
        Assert.Equal(GuaranteeState.Unknown, Decide([]).State);
        Assert.Equal(GuaranteeState.Unknown, Decide([Enrolment(Head, year: Year - 1), Enrolment(Child, year: Year - 1)]).State);
        Assert.Equal(GuaranteeState.Unknown, Decide([Enrolment(Guid.NewGuid())]).State);
    }

    [Fact]
    public void Out_of_pocket_above_the_limit_is_not_met_even_when_everyone_is_enrolled()
    {
        var flagged = Costs(compliant: 1_000_000, outOfPocket: 100_001);

        var finding = Decide([Enrolment(Head), Enrolment(Child)], flagged);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Equal($"expense:{flagged.LatestRecordId}", finding.DecidingRecord);
        Assert.Contains("above the limit of 10%", finding.Reason);
        Assert.Equal(GuaranteeState.NotMet, Decide([], flagged).State);
    }

    [Fact]
    public void Out_of_pocket_exactly_at_the_limit_leaves_the_guarantee_to_the_enrolments()
    {
        var finding = Decide([Enrolment(Head), Enrolment(Child)], Costs(compliant: 1_000_000, outOfPocket: 100_000));

        Assert.Equal(GuaranteeState.Met, finding.State);
    }
}
