using Platform.Employment.Projects;

namespace Platform.Employment.Tests.Projects;

/// <summary>The pure rules of the project library: lifecycle, reimbursement limit, fund expenditure, concerns.</summary>
public sealed class ProjectRuleTests
{
    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStep.Approve, ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Proposed, ProjectStep.Reject, ProjectStatus.Rejected)]
    [InlineData(ProjectStatus.Approved, ProjectStep.StartImplementation, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Implementing, ProjectStep.PassAcceptance, ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Implementing, ProjectStep.FailAcceptance, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Completed, ProjectStep.StartOperation, ProjectStatus.Operating)]
    [InlineData(ProjectStatus.Operating, ProjectStep.StopOperation, ProjectStatus.Stopped)]
    [InlineData(ProjectStatus.Approved, ProjectStep.Replan, ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Implementing, ProjectStep.RecordProgress, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Completed, ProjectStep.Disburse, ProjectStatus.Completed)]
    public void The_lifecycle_allows_each_step_from_its_state(ProjectStatus from, ProjectStep step, ProjectStatus to)
    {
        Assert.Equal(to, ProjectLifecycle.Next(from, step));
        Assert.Null(ProjectLifecycle.Refusal(from, step));
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStep.StartImplementation)]
    [InlineData(ProjectStatus.Rejected, ProjectStep.Approve)]
    [InlineData(ProjectStatus.Approved, ProjectStep.Approve)]
    [InlineData(ProjectStatus.Approved, ProjectStep.PassAcceptance)]
    [InlineData(ProjectStatus.Implementing, ProjectStep.StartOperation)]
    [InlineData(ProjectStatus.Completed, ProjectStep.StopOperation)]
    [InlineData(ProjectStatus.Stopped, ProjectStep.StartOperation)]
    [InlineData(ProjectStatus.Completed, ProjectStep.Replan)]
    [InlineData(ProjectStatus.Completed, ProjectStep.RecordProgress)]
    [InlineData(ProjectStatus.Approved, ProjectStep.Disburse)]
    [InlineData(ProjectStatus.Rejected, ProjectStep.Disburse)]
    public void The_lifecycle_refuses_steps_out_of_order(ProjectStatus from, ProjectStep step)
    {
        Assert.Null(ProjectLifecycle.Next(from, step));
        Assert.Contains(from.ToString().ToLowerInvariant(), ProjectLifecycle.Refusal(from, step));
    }

    [Fact]
    public void Acceptance_passes_only_at_full_progress_but_may_fail_earlier()
    {
        Assert.Null(ProjectLifecycle.AcceptanceRefusal(ProjectStatus.Implementing, passed: true, progressPercent: 100));
        Assert.Contains("99%", ProjectLifecycle.AcceptanceRefusal(ProjectStatus.Implementing, passed: true, progressPercent: 99));
        Assert.Null(ProjectLifecycle.AcceptanceRefusal(ProjectStatus.Implementing, passed: false, progressPercent: 40));
        Assert.NotNull(ProjectLifecycle.AcceptanceRefusal(ProjectStatus.Approved, passed: false, progressPercent: 0));
    }

    [Fact]
    public void Earned_funds_are_the_floor_of_progress_times_budget_in_fen()
    {
        Assert.Equal(300_000, Reimbursement.Earned(30, 1_000_001));
        Assert.Equal(1_000_001, Reimbursement.Earned(100, 1_000_001));
        Assert.Equal(0, Reimbursement.Earned(0, 1_000_001));
        Assert.Equal(0, Reimbursement.Earned(1, 99));
    }

    [Fact]
    public void A_disbursement_of_exactly_the_limit_passes_and_one_fen_more_is_refused()
    {
        Assert.Null(Reimbursement.Refusal(300_000, 30, 1_000_001, 0));
        Assert.Contains("300000 fen", Reimbursement.Refusal(300_001, 30, 1_000_001, 0));
    }

    [Fact]
    public void After_a_second_progress_report_the_limit_is_the_new_earned_amount_less_what_was_paid()
    {
        Assert.Equal(0, Reimbursement.Available(30, 1_000_001, 300_000));
        Assert.NotNull(Reimbursement.Refusal(1, 30, 1_000_001, 300_000));
        Assert.Equal(250_000, Reimbursement.Available(55, 1_000_001, 300_000));
        Assert.Null(Reimbursement.Refusal(250_000, 55, 1_000_001, 300_000));
        Assert.NotNull(Reimbursement.Refusal(250_001, 55, 1_000_001, 300_000));
    }

    [Fact]
    public void A_budget_cut_below_earned_payments_leaves_nothing_available_rather_than_a_negative_limit()
    {
        Assert.Equal(0, Reimbursement.Available(50, 100_000, 60_000));
    }

    [Theory]
    [InlineData(30, 30, true)]
    [InlineData(30, 31, true)]
    [InlineData(30, 29, false)]
    public void Progress_never_decreases(int previous, int next, bool allowed) =>
        Assert.Equal(allowed, Reimbursement.ProgressRefusal(previous, next) is null);

    [Theory]
    [InlineData(1_000_000, 900_000, 90, 9000, true)]
    [InlineData(1_000_000, 899_999, 90, 8999, false)]
    [InlineData(3, 2, 66, 6666, true)]
    [InlineData(3, 2, 67, 6666, false)]
    [InlineData(0, 0, 90, 0, true)]
    public void Fund_expenditure_progress_is_exact_in_fen(long approved, long disbursed, int target, int basisPoints, bool meets)
    {
        var progress = new FundExpenditure(approved, disbursed, target);
        Assert.Equal(basisPoints, progress.BasisPoints);
        Assert.Equal(meets, progress.MeetsTarget);
    }

    [Theory]
    [InlineData(TestRegions.OtherVillage, true)]
    [InlineData(TestRegions.County, true)]
    [InlineData(TestRegions.OtherCountyVillage, false)]
    public void A_project_links_households_of_its_own_county_only(string householdRegion, bool inCounty)
    {
        var project = new IndustryProject { VillageCode = TestRegions.Village, Name = "Tea", ProposedBy = "officer" };
        Assert.Equal(inCounty, project.InCounty(householdRegion));
    }

    [Theory]
    [InlineData(ProjectStatus.Completed, 0, "completed but linked to no household")]
    [InlineData(ProjectStatus.Operating, 0, "operating but linked to no household")]
    [InlineData(ProjectStatus.Stopped, 3, "stopped operating: market collapsed")]
    [InlineData(ProjectStatus.Operating, 1, null)]
    [InlineData(ProjectStatus.Implementing, 0, null)]
    [InlineData(ProjectStatus.Rejected, 0, null)]
    public void Concerns_name_unlinked_built_projects_and_stopped_ones(ProjectStatus status, int linked, string? reason) =>
        Assert.Equal(reason, ProjectConcerns.Of(status, "market collapsed", linked));
}
