using Platform.Assistance.Guarantees;
using Platform.Assistance.Water;

namespace Platform.Assistance.Tests.Water;

/// <summary>The pure water rule, the project's steps and when a re-assessment is due.</summary>
public sealed class WaterRuleTests
{
    private static readonly DateTime Recorded = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static WaterAssessment Assessment(bool quantity = true, bool quality = true, bool convenience = true, bool reliability = true,
        DateOnly? on = null, DateTime? recordedAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = Guid.Empty,
        RegionCode = "341522100201",
        Quantity = WaterCheck.Of(quantity),
        Quality = WaterCheck.Of(quality),
        Convenience = WaterCheck.Of(convenience),
        Reliability = WaterCheck.Of(reliability),
        AssessedOn = on ?? new DateOnly(2026, 3, 1),
        Assessor = "inspector",
        RecordedBy = "test",
        RecordedAt = recordedAt ?? Recorded,
    };

    [Fact]
    public void Never_assessed_is_unknown()
    {
        var finding = WaterRule.Decide(null, []);
        Assert.Equal(GuaranteeState.Unknown, finding.State);
        Assert.Equal("", finding.DecidingRecord);
    }

    [Fact]
    public void All_four_dimensions_met_is_met_and_names_the_assessment()
    {
        var assessment = Assessment();
        var finding = WaterRule.Decide(assessment, []);
        Assert.Equal(GuaranteeState.Met, finding.State);
        Assert.Equal($"water-assessment:{assessment.Id}", finding.DecidingRecord);
    }

    [Theory]
    [InlineData(WaterDimension.Quantity)]
    [InlineData(WaterDimension.Quality)]
    [InlineData(WaterDimension.Convenience)]
    [InlineData(WaterDimension.Reliability)]
    public void Any_one_failing_dimension_is_not_met_and_named_alone(WaterDimension failing)
    {
        var assessment = Assessment(
            quantity: failing != WaterDimension.Quantity,
            quality: failing != WaterDimension.Quality,
            convenience: failing != WaterDimension.Convenience,
            reliability: failing != WaterDimension.Reliability);

        var finding = WaterRule.Decide(assessment, []);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Equal([failing], assessment.FailingDimensions);
        Assert.Contains($"fails {failing.ToString().ToLowerInvariant()} (", finding.Reason);
        foreach (var other in Enum.GetValues<WaterDimension>().Where(d => d != failing))
        {
            Assert.DoesNotContain(other.ToString().ToLowerInvariant(), finding.Reason);
        }
    }

    [Fact]
    public void Several_failing_dimensions_are_all_named()
    {
        var finding = WaterRule.Decide(Assessment(quality: false, reliability: false), []);
        Assert.Contains("fails quality, reliability", finding.Reason);
    }

    [Fact]
    public void The_latest_assessment_date_wins_even_when_recorded_earlier()
    {
        var older = Assessment(quality: false, on: new DateOnly(2026, 1, 10), recordedAt: Recorded.AddDays(1));
        var newer = Assessment(on: new DateOnly(2026, 2, 10), recordedAt: Recorded);
        Assert.Same(newer, WaterRule.Latest([older, newer]));
        Assert.Equal(GuaranteeState.Met, WaterRule.Decide(WaterRule.Latest([newer, older]), []).State);

        var worse = Assessment(quantity: false, on: new DateOnly(2026, 2, 20));
        Assert.Equal(GuaranteeState.NotMet, WaterRule.Decide(WaterRule.Latest([older, newer, worse]), []).State);
    }

    [Fact]
    public void Same_assessment_date_the_later_recorded_wins()
    {
        var first = Assessment(convenience: false, recordedAt: Recorded);
        var correction = Assessment(recordedAt: Recorded.AddHours(2));
        Assert.Same(correction, WaterRule.Latest([correction, first]));
    }

    [Fact]
    public void Not_met_names_projects_in_progress_and_completed_projects_awaiting_reassessment()
    {
        var assessment = Assessment(quality: false);
        var projects = new[]
        {
            new ServingProject(Guid.CreateVersion7(), "Village well", WaterProjectStatus.UnderConstruction, null, null),
            new ServingProject(Guid.CreateVersion7(), "Filter plant", WaterProjectStatus.Planned, null, null),
            new ServingProject(Guid.CreateVersion7(), "Pipe to township", WaterProjectStatus.Completed, new DateOnly(2026, 3, 2), Recorded.AddHours(1)),
        };

        var finding = WaterRule.Decide(assessment, projects);

        Assert.Equal(GuaranteeState.NotMet, finding.State);
        Assert.Contains("project \"Village well\" (under construction)", finding.Reason);
        Assert.Contains("project \"Filter plant\" (planned)", finding.Reason);
        Assert.Contains("re-assessment due since project \"Pipe to township\" was completed on 2026-03-02", finding.Reason);
    }

    [Fact]
    public void A_completed_project_alone_does_not_make_the_water_safe()
    {
        var completed = new ServingProject(Guid.CreateVersion7(), "Pipe", WaterProjectStatus.Completed, new DateOnly(2026, 3, 2), Recorded);
        Assert.Equal(GuaranteeState.Unknown, WaterRule.Decide(null, [completed]).State);
        Assert.Equal(GuaranteeState.NotMet, WaterRule.Decide(Assessment(quality: false, recordedAt: Recorded.AddDays(-1)), [completed]).State);
    }

    [Theory]
    [InlineData(WaterProjectStatus.Planned, WaterProjectStatus.UnderConstruction, 0, true)]
    [InlineData(WaterProjectStatus.UnderConstruction, WaterProjectStatus.Completed, 1, true)]
    [InlineData(WaterProjectStatus.UnderConstruction, WaterProjectStatus.Completed, 0, false)]
    [InlineData(WaterProjectStatus.Planned, WaterProjectStatus.Completed, 3, false)]
    [InlineData(WaterProjectStatus.Completed, WaterProjectStatus.UnderConstruction, 3, false)]
    [InlineData(WaterProjectStatus.UnderConstruction, WaterProjectStatus.Planned, 3, false)]
    [InlineData(WaterProjectStatus.UnderConstruction, WaterProjectStatus.UnderConstruction, 3, false)]
    [InlineData(WaterProjectStatus.Completed, WaterProjectStatus.Completed, 3, false)]
    public void Projects_move_one_step_at_a_time_and_complete_only_with_households(WaterProjectStatus from, WaterProjectStatus to, int served, bool allowed)
    {
        Assert.Equal(allowed, WaterProjectLifecycle.CannotAdvance(from, to, served) is null);
    }

    [Fact]
    public void Households_can_be_added_until_completion()
    {
        Assert.Null(WaterProjectLifecycle.WhyNoHouseholds(WaterProjectStatus.Planned));
        Assert.Null(WaterProjectLifecycle.WhyNoHouseholds(WaterProjectStatus.UnderConstruction));
        Assert.StartsWith("A completed project's served households are fixed", WaterProjectLifecycle.WhyNoHouseholds(WaterProjectStatus.Completed));
    }

    [Fact]
    public void A_reassessment_stays_due_until_an_assessment_made_and_recorded_after_completion()
    {
        var completedAt = Recorded.AddHours(3);
        var duty = new WaterReassessmentDuty { HouseholdId = Guid.Empty, RegionCode = "341522100201", CompletedOn = new DateOnly(2026, 3, 2), CompletedAt = completedAt };

        Assert.True(WaterProjectLifecycle.ReassessmentDue(duty, []));
        Assert.True(WaterProjectLifecycle.ReassessmentDue(duty, [Assessment(on: new DateOnly(2026, 3, 1), recordedAt: completedAt.AddHours(1))]), "assessed before completion day");
        Assert.True(WaterProjectLifecycle.ReassessmentDue(duty, [Assessment(on: new DateOnly(2026, 3, 2), recordedAt: completedAt.AddHours(-1))]), "recorded before completion");
        Assert.True(WaterProjectLifecycle.ReassessmentDue(duty, [Assessment(on: new DateOnly(2026, 3, 2), recordedAt: completedAt)]), "recorded at the same instant is not after");

        var other = Assessment(on: new DateOnly(2026, 3, 2), recordedAt: completedAt.AddHours(1));
        other.HouseholdId = Guid.CreateVersion7();
        Assert.True(WaterProjectLifecycle.ReassessmentDue(duty, [other]), "another household's assessment");

        Assert.False(WaterProjectLifecycle.ReassessmentDue(duty, [Assessment(on: new DateOnly(2026, 3, 2), recordedAt: completedAt.AddTicks(1))]));
        Assert.False(WaterProjectLifecycle.ReassessmentDue(duty, [Assessment(quality: false, on: new DateOnly(2026, 3, 5), recordedAt: completedAt.AddDays(3))]), "a failing re-assessment still answers the duty");
    }
}
