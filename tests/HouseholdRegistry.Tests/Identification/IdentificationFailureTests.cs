using Grpc.Core;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>Each failure code of the case steps.</summary>
public sealed class IdentificationFailureTests
{
    [Fact]
    public async Task Out_of_order_wrong_role_wrong_township_and_another_county_are_refused()
    {
        await using var h = new IdentificationHarness();
        var (_, @case) = await h.ApplyAsync();
        var check = new CheckInTownshipRequest { CaseId = @case.CaseId };

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, h.Cases.CheckInTownshipAsync(check, h.Township));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.CheckInTownshipAsync(check, h.County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = @case.CaseId, Decision = StepDecision.Approve, Votes = new AppraisalVotes { InFavour = 1 }, Minutes = "纪要",
        }, h.Township));
        await RpcAssert.FailsAsync(StatusCode.NotFound, h.Cases.CheckInTownshipAsync(check, h.Registry.As(PlatformRoles.TownshipOfficer, Seeded.Chengguan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.Registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }, h.County));

        await h.AppraiseAsync(@case.CaseId);
        var again = await Assert.ThrowsAsync<RpcException>(() => h.AppraiseAsync(@case.CaseId));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var read = (await h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.County)).Case;
        Assert.Single(read.Steps, s => s.Stage == CaseStage.GroupAppraisal);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_a_reject_needs_a_reason()
    {
        await using var h = new IdentificationHarness();
        var (_, @case) = await h.ApplyAsync();

        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = "nope", Decision = StepDecision.Return, Votes = new AppraisalVotes { InFavour = -1 },
        }, h.Village));
        Assert.Equal(["case_id", "decision", "votes", "votes.in_favour", "minutes"], RpcAssert.InvalidFields(bad));

        var noReason = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.RejectAsync(new RejectRequest { CaseId = @case.CaseId, Reason = "  " }, h.Village));
        Assert.Equal("reason", RpcAssert.InvalidField(noReason));
        var rejectedWithoutReason = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = @case.CaseId, Decision = StepDecision.Reject, Votes = new AppraisalVotes { Against = 9 }, Minutes = "组评议记录", Reason = " ",
        }, h.Village));
        Assert.Equal("reason", RpcAssert.InvalidField(rejectedWithoutReason));
        Assert.Equal(CaseStage.GroupAppraisal, (await h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.County)).Case.Stage);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.RejectAsync(new RejectRequest { CaseId = @case.CaseId, Reason = "x" }, h.Registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, h.Cases.RejectAsync(new RejectRequest { CaseId = @case.CaseId, Reason = "不符合" }, h.County));

        var list = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Changji }, h.County));
        Assert.Equal("village_code", RpcAssert.InvalidField(list));
    }
}
