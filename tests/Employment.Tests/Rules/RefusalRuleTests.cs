using Platform.HouseholdReplica;
using Platform.Employment.Assets;
using Platform.Employment.Labour;
using Platform.Employment.Labourers;
using Platform.Employment.Projects;
using Platform.Employment.Welfare;

namespace Platform.Employment.Tests.Rules;

/// <summary>
/// The domain decisions the handlers answer FAILED_PRECONDITION for, as plain rules at their
/// boundaries: a reason when refused, null when allowed.
/// </summary>
public sealed class RefusalRuleTests
{
    private static readonly DateOnly Today = new(2026, 2, 15);

    private static EmploymentRecord Job(EmploymentType type = EmploymentType.LocalEnterprise, DateOnly? ended = null) => new()
    {
        Id = Guid.NewGuid(), RegionCode = "341522100201", Employer = "Mill", RecordedBy = "t", Type = type,
        StartedOn = new DateOnly(2025, 3, 15), EndedOn = ended,
    };

    private static Labourer Member(LabourCapacity capacity = LabourCapacity.Normal, bool current = true) =>
        new() { Id = Guid.NewGuid(), LabourCapacity = capacity, IsCurrent = current };

    [Fact]
    public void An_archive_is_kept_for_labourers_and_changed_only_while_they_belong_to_the_household()
    {
        Assert.Null(JobRules.ArchiveRefusal(Member(LabourCapacity.Weak), forRecording: true));
        Assert.Contains("no labour capacity", JobRules.ArchiveRefusal(Member(LabourCapacity.None), forRecording: false));
        Assert.Null(JobRules.ArchiveRefusal(Member(current: false), forRecording: false));
        Assert.Contains("left the household", JobRules.ArchiveRefusal(Member(current: false), forRecording: true));
    }

    [Fact]
    public void A_job_ends_once_and_not_before_a_month_it_was_paid_for()
    {
        Assert.Null(JobRules.EndRefusal(Job()));
        Assert.Equal("The employment already ended on 2025-10-31.", JobRules.EndRefusal(Job(ended: new DateOnly(2025, 10, 31))));
        Assert.Null(JobRules.EndBeforePaidRefusal(null, new DateOnly(2025, 10, 1)));
        Assert.Null(JobRules.EndBeforePaidRefusal((2025, 10), new DateOnly(2025, 10, 1)));
        Assert.Contains("2025-11", JobRules.EndBeforePaidRefusal((2025, 11), new DateOnly(2025, 10, 31)));
    }

    [Fact]
    public void Earnings_are_for_a_begun_month_within_the_jobs_dates()
    {
        var job = Job(ended: new DateOnly(2025, 11, 1));
        Assert.Null(JobRules.EarningsRefusal(job, 2025, 3, Today));
        Assert.Null(JobRules.EarningsRefusal(job, 2025, 11, Today));
        Assert.Contains("outside", JobRules.EarningsRefusal(job, 2025, 2, Today));
        Assert.Contains("outside", JobRules.EarningsRefusal(job, 2025, 12, Today));
        Assert.Null(JobRules.EarningsRefusal(Job(), 2026, 2, Today));
        Assert.Contains("has not begun", JobRules.EarningsRefusal(Job(), 2026, 3, Today));
    }

    [Fact]
    public void The_transport_subsidy_is_for_out_of_province_jobs_in_a_year_they_ran()
    {
        var migrant = Job(EmploymentType.OutOfProvinceMigrant, ended: new DateOnly(2025, 12, 31));
        Assert.Null(JobRules.TransportSubsidyRefusal(migrant, 2025));
        Assert.Equal("The employment did not run in 2026.", JobRules.TransportSubsidyRefusal(migrant, 2026));
        Assert.Contains("out-of-province", JobRules.TransportSubsidyRefusal(Job(EmploymentType.InProvinceMigrant), 2025));
    }

    [Fact]
    public void Workshop_and_post_work_is_for_current_labourers_of_registered_households()
    {
        LabourHousehold Household(HouseholdStatus status) => new() { Id = Guid.NewGuid(), RegionCode = "341522100201", Status = status };

        Assert.Null(WelfareWorkRules.TakeWorkRefusal(Member(), Household(HouseholdStatus.Registered)));
        Assert.NotNull(WelfareWorkRules.TakeWorkRefusal(Member(), Household(HouseholdStatus.Exited)));
        Assert.NotNull(WelfareWorkRules.TakeWorkRefusal(Member(LabourCapacity.None), Household(HouseholdStatus.Registered)));
        Assert.NotNull(WelfareWorkRules.TakeWorkRefusal(Member(current: false), Household(HouseholdStatus.Registered)));
    }

    [Fact]
    public void An_employment_or_assignment_ends_once_and_a_subsidy_needs_the_minimum_headcount()
    {
        Assert.Null(WelfareWorkRules.ReleaseRefusal(new WorkshopEmployee()));
        Assert.Equal("The employee already left on 2026-01-31.", WelfareWorkRules.ReleaseRefusal(new WorkshopEmployee { LeftOn = new DateOnly(2026, 1, 31) }));
        var assignment = new PostAssignment { VillageCode = "341522100201", EndedOn = new DateOnly(2026, 1, 31) };
        Assert.Equal("The assignment already ended on 2026-01-31.", WelfareWorkRules.EndAssignmentRefusal(assignment));

        Assert.Null(WelfareWorkRules.GrantRefusal(new WorkshopSubsidyResult(5, 5, 100_000, 500_000), 2025));
        Assert.Equal("The workshop employed 4 poor labourers in 2025; the subsidy needs at least 5.",
            WelfareWorkRules.GrantRefusal(new WorkshopSubsidyResult(4, 5, 100_000, 0), 2025));
    }

    [Fact]
    public void Shares_stay_put_under_an_unfinished_run_and_go_to_registered_households_only()
    {
        Assert.Null(ShareRules.ChangeRefusal(dividendRunUnfinished: false));
        Assert.NotNull(ShareRules.ChangeRefusal(dividendRunUnfinished: true));
        Assert.Null(ShareRules.HolderRefusal(Guid.NewGuid(), HouseholdStatus.Registered));
        Assert.Contains("(Exited)", ShareRules.HolderRefusal(Guid.NewGuid(), HouseholdStatus.Exited));
    }

    [Fact]
    public void A_run_key_continues_only_its_own_distribution_and_a_new_run_needs_a_running_project()
    {
        var run = new DividendRun { RunKey = "2025-annual", StartedBy = "t", Year = 2025, AmountFen = 1_000 };

        Assert.Null(ShareRules.DividendRefusal(null, "2025-annual", 2025, 1_000, ProjectStatus.Operating));
        Assert.Null(ShareRules.DividendRefusal(null, "2025-annual", 2025, 1_000, ProjectStatus.Completed));
        Assert.Contains("Implementing", ShareRules.DividendRefusal(null, "2025-annual", 2025, 1_000, ProjectStatus.Implementing));
        // An existing run continues even if the project has stopped since it began.
        Assert.Null(ShareRules.DividendRefusal(run, "2025-annual", 2025, 1_000, ProjectStatus.Stopped));
        Assert.Contains("its own run key", ShareRules.DividendRefusal(run, "2025-annual", 2025, 1_001, ProjectStatus.Operating));
        Assert.Contains("its own run key", ShareRules.DividendRefusal(run, "2025-annual", 2026, 1_000, ProjectStatus.Operating));
    }

    [Fact]
    public void Rejected_and_stopped_projects_link_no_more_households()
    {
        Assert.Null(ProjectLifecycle.LinkRefusal(ProjectStatus.Proposed));
        Assert.Null(ProjectLifecycle.LinkRefusal(ProjectStatus.Operating));
        Assert.Equal("A stopped project links no more households.", ProjectLifecycle.LinkRefusal(ProjectStatus.Stopped));
        Assert.NotNull(ProjectLifecycle.LinkRefusal(ProjectStatus.Rejected));
    }
}
