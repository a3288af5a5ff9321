using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

public sealed class CaseWorkflowTests
{
    [Fact]
    public void Identification_runs_appraisal_review_notice_township_county_announcement()
    {
        Assert.Equal(
            [CaseStage.GroupAppraisal, CaseStage.VillageReview, CaseStage.VillageNotice, CaseStage.TownshipCheck, CaseStage.CountyApproval, CaseStage.Announcement],
            Walk(CaseKind.Identification));
    }

    [Fact]
    public void Exit_skips_the_group_appraisal_and_the_township_check()
    {
        Assert.Equal([CaseStage.VillageReview, CaseStage.VillageNotice, CaseStage.CountyApproval, CaseStage.Announcement], Walk(CaseKind.Exit));
    }

    public static TheoryData<CaseStage, string[]> OwnersByStage => new()
    {
        { CaseStage.GroupAppraisal, [PlatformRoles.VillageOfficer] },
        { CaseStage.VillageReview, [PlatformRoles.VillageOfficer] },
        { CaseStage.VillageNotice, [PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer] },
        { CaseStage.TownshipCheck, [PlatformRoles.TownshipOfficer] },
        { CaseStage.CountyApproval, [PlatformRoles.CountyOfficer] },
        { CaseStage.Announcement, [PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer] },
    };

    [Theory]
    [MemberData(nameof(OwnersByStage))]
    public void Only_the_owning_roles_take_a_step(CaseStage stage, string[] owners)
    {
        foreach (var role in PlatformRoles.All)
        {
            var expected = owners.Contains(role) ? StepRefusal.None : StepRefusal.WrongRole;
            Assert.Equal(expected, CaseWorkflow.Check(CaseOutcome.Open, stage, stage, role));
        }
    }

    [Fact]
    public void A_step_out_of_order_or_on_a_closed_case_is_refused_and_the_role_is_checked_first()
    {
        Assert.Equal(StepRefusal.OutOfOrder, CaseWorkflow.Check(CaseOutcome.Open, CaseStage.GroupAppraisal, CaseStage.TownshipCheck, PlatformRoles.TownshipOfficer));
        Assert.Equal(StepRefusal.OutOfOrder, CaseWorkflow.Check(CaseOutcome.Open, CaseStage.VillageReview, CaseStage.GroupAppraisal, PlatformRoles.VillageOfficer));
        Assert.Equal(StepRefusal.CaseClosed, CaseWorkflow.Check(CaseOutcome.Rejected, CaseStage.CountyApproval, CaseStage.CountyApproval, PlatformRoles.CountyOfficer));
        Assert.Equal(StepRefusal.WrongRole, CaseWorkflow.Check(CaseOutcome.Rejected, CaseStage.CountyApproval, CaseStage.CountyApproval, PlatformRoles.TownshipOfficer));
    }

    [Fact]
    public void Notices_are_not_rejected_outright_and_only_step_owners_may_reject()
    {
        Assert.False(CaseWorkflow.IsRejectable(CaseStage.VillageNotice));
        Assert.False(CaseWorkflow.IsRejectable(CaseStage.Announcement));
        Assert.True(CaseWorkflow.IsRejectable(CaseStage.TownshipCheck));
        Assert.True(CaseWorkflow.MayReject(PlatformRoles.CountyOfficer));
        Assert.False(CaseWorkflow.MayReject(PlatformRoles.DepartmentClient));
        Assert.False(CaseWorkflow.MayReject(PlatformRoles.CityOfficer));
    }

    private static List<CaseStage> Walk(CaseKind kind)
    {
        var stages = new List<CaseStage>();
        for (CaseStage? stage = CaseWorkflow.FirstStage(kind); stage is { } s; stage = CaseWorkflow.After(kind, s))
        {
            stages.Add(s);
        }

        return stages;
    }
}
