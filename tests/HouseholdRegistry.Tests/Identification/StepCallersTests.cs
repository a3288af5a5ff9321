using System.Reflection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>
/// The roles a step RPC admits ([Allow], checked before anything is read) are exactly the roles
/// the workflow says own that step (checked again on the loaded case), so the two cannot drift.
/// </summary>
public sealed class StepCallersTests
{
    public static TheoryData<string, CaseStage> StepRpcs => new()
    {
        { nameof(IdentificationGrpcService.AppraiseInGroup), CaseStage.GroupAppraisal },
        { nameof(IdentificationGrpcService.ReviewInVillage), CaseStage.VillageReview },
        { nameof(IdentificationGrpcService.CloseNotice), CaseStage.VillageNotice },
        { nameof(IdentificationGrpcService.CloseNotice), CaseStage.Announcement },
        { nameof(IdentificationGrpcService.CheckInTownship), CaseStage.TownshipCheck },
        { nameof(IdentificationGrpcService.ApproveInCounty), CaseStage.CountyApproval },
    };

    [Theory]
    [MemberData(nameof(StepRpcs))]
    public void A_step_rpc_admits_exactly_the_roles_that_own_its_step(string rpc, CaseStage stage)
    {
        Assert.Equal(CaseWorkflow.Owners(stage).Order(), Admitted(rpc).Order());
    }

    [Fact]
    public void Reject_admits_exactly_the_roles_that_own_a_rejectable_step()
    {
        Assert.Equal(PlatformRoles.All.Where(CaseWorkflow.MayReject).Order(), Admitted(nameof(IdentificationGrpcService.Reject)).Order());
    }

    private static IEnumerable<string> Admitted(string rpc) =>
        RoleFlags.Names(typeof(IdentificationGrpcService).GetMethod(rpc)!.GetCustomAttribute<AllowAttribute>()!.Roles);
}
