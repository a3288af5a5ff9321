using Platform.HouseholdRegistry.Tests.Income;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.ServiceDefaults;
using HouseholdStatus = Pa.Registry.V1.HouseholdStatus;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>Whole cases through gRPC: registration, exit, rejection and re-application, the archive.</summary>
public sealed class IdentificationFlowTests
{
    [Fact]
    public async Task A_household_goes_from_application_to_registered_through_every_step()
    {
        await using var h = new IdentificationHarness();
        var (household, @case) = await h.ApplyAsync();
        Assert.Equal((CaseKind.Identification, CaseStage.GroupAppraisal, CaseOutcome.Open), (@case.Kind, @case.Stage, @case.Outcome));

        @case = (await h.AppraiseAsync(@case.CaseId)).Case;
        Assert.Equal(CaseStage.VillageReview, @case.Stage);
        Assert.Equal(new AppraisalVotes { InFavour = 11, Against = 1, Abstaining = 2 }, @case.Steps[^1].Votes);

        @case = await h.ReviewAsync(@case.CaseId);
        var notice = Assert.Single(@case.Notices);
        var today = DateOnly.FromDateTime(h.Registry.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal((NoticeKind.VillageNotice, today, today.AddDays(7)), (notice.Kind, notice.StartDate.ToDateOnly(), notice.EndDate.ToDateOnly()));

        var board = await h.Cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Qilipeng, Status = NoticeStatus.Open }, h.Village);
        var entry = Assert.Single(board.Notices, n => n.NoticeId == notice.NoticeId);
        Assert.Equal(("王建国", household.Address, household.HouseholdId), (entry.HeadOfHouseholdName, entry.Address, entry.HouseholdId));

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition,
            h.Cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = notice.NoticeId }, h.Village));
        @case = await h.CloseOpenNoticeAsync(@case);
        Assert.Equal(CaseStage.TownshipCheck, @case.Stage);

        @case = (await h.Cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = @case.CaseId, Comment = "入户核实" }, h.Township)).Case;
        Assert.Equal(CaseStage.CountyApproval, @case.Stage);
        @case = (await h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, h.County)).Case;
        Assert.Equal(CaseStage.Announcement, @case.Stage);
        Assert.Equal(NoticeKind.Announcement, @case.Notices[^1].Kind);

        @case = await h.CloseOpenNoticeAsync(@case);
        Assert.Equal(CaseOutcome.Registered, @case.Outcome);

        var registered = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Registered, registered.Status);
        Assert.Equal(h.Registry.Clock.GetUtcNow().UtcDateTime, registered.RegisteredAt.ToDateTime());
        Assert.Equal(household.DeclaredIncomePerCapita.Fen, registered.IncomePerCapitaAtRegistration.Fen);

        var row = Assert.Single(await h.Registry.QueryAsync(db => db.OutboxMessages
            .Where(m => m.AggregateKey == household.HouseholdId && m.MessageType.StartsWith(typeof(HouseholdRegistered).FullName!)).ToListAsync()));
        var evt = JsonSerializer.Deserialize<HouseholdRegistered>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((Guid.Parse(household.HouseholdId), 3), (evt.HouseholdId, evt.Members.Count));
        Assert.DoesNotContain("王建国", row.Body);

        var history = await h.Cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = household.HouseholdId }, h.County);
        var archived = Assert.Single(history.Cases);
        Assert.Equal(
            [CaseStage.Application, CaseStage.GroupAppraisal, CaseStage.VillageReview, CaseStage.VillageNotice, CaseStage.TownshipCheck, CaseStage.CountyApproval, CaseStage.Announcement],
            archived.Steps.Select(s => s.Stage));
        Assert.Equal(["officer-341522000000", "village.li", "village.li", "village.li", "township.zhang", "county.wu", "village.li"], archived.Steps.Select(s => s.Actor));
        Assert.Equal(2, archived.Notices.Count(n => n.Status == NoticeStatus.Closed));
    }

    [Fact]
    public async Task A_rejection_closes_the_case_and_the_same_people_may_apply_again()
    {
        await using var h = new IdentificationHarness();
        var request = Applications.Household(Seeded.Qilipeng);
        var (household, @case) = await h.ApplyAsync(request);
        await h.AppraiseAsync(@case.CaseId);

        var rejected = (await h.Cases.RejectAsync(new RejectRequest { CaseId = @case.CaseId, Reason = "人均收入高于标准" }, h.Village)).Case;

        Assert.Equal((CaseOutcome.Rejected, "人均收入高于标准"), (rejected.Outcome, rejected.ClosingReason));
        Assert.Equal(StepDecision.Reject, rejected.Steps[^1].Decision);
        var file = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Rejected, file.Status);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, h.Cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = @case.CaseId, Minutes = "x" }, h.Village));

        var (again, newCase) = await h.ApplyAsync(request);
        Assert.NotEqual(household.HouseholdId, again.HouseholdId);
        Assert.Equal(CaseOutcome.Open, newCase.Outcome);
    }

    [Fact]
    public async Task An_upheld_objection_sends_the_case_back_to_review_which_puts_up_a_new_notice()
    {
        await using var h = new IdentificationHarness();
        var (_, @case) = await h.ApplyAsync();
        await h.AppraiseAsync(@case.CaseId);
        @case = await h.ReviewAsync(@case.CaseId);
        var notice = @case.Notices[0];

        var objection = (await h.Cases.FileObjectionAsync(new FileObjectionRequest
        {
            NoticeId = notice.NoticeId, ObjectorName = "张三", Content = "该户有营运货车", Evidence = "照片两张",
        }, h.Village)).Objection;
        Assert.Equal((ObjectionStatus.Open, "village.li", "张三"), (objection.Status, objection.FiledBy, objection.ObjectorName));

        h.Registry.Clock.Advance(TimeSpan.FromDays(8));
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, h.Cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = notice.NoticeId }, h.Village));
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, h.Cases.ResolveObjectionAsync(
            new ResolveObjectionRequest { ObjectionId = objection.ObjectionId, Resolution = ObjectionStatus.Upheld, Finding = "属实" }, h.Village));

        @case = (await h.Cases.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            ObjectionId = objection.ObjectionId, Resolution = ObjectionStatus.Upheld, Finding = "车辆登记在户主名下",
        }, h.Township)).Case;

        Assert.Equal(CaseStage.VillageReview, @case.Stage);
        Assert.Equal(NoticeStatus.Withdrawn, @case.Notices[0].Status);
        Assert.Equal("车辆登记在户主名下", @case.Notices[0].Objections[0].Finding);
        @case = await h.ReviewAsync(@case.CaseId);
        Assert.Equal(NoticeStatus.Open, @case.Notices[^1].Status);
        Assert.Equal(2, @case.Notices.Count);
    }

    [Fact]
    public async Task An_exit_case_runs_to_exited_with_support_until_and_the_event()
    {
        await using var h = new IdentificationHarness();
        var (household, _) = await h.RegisterAsync();
        var request = new OpenExitCaseRequest { HouseholdId = household.HouseholdId };

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, h.Cases.OpenExitCaseAsync(request, h.Village));
        await h.MarkForExitAsync(household.HouseholdId);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, h.Cases.OpenExitCaseAsync(request, h.County));

        var @case = (await h.Cases.OpenExitCaseAsync(request, h.Village)).Case;
        Assert.Equal((CaseKind.Exit, CaseStage.VillageReview), (@case.Kind, @case.Stage));
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, h.Cases.OpenExitCaseAsync(request, h.Village));

        @case = await h.CloseOpenNoticeAsync(await h.ReviewAsync(@case.CaseId));
        Assert.Equal(CaseStage.CountyApproval, @case.Stage);
        @case = (await h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, h.County)).Case;
        @case = await h.CloseOpenNoticeAsync(@case);
        Assert.Equal(CaseOutcome.Exited, @case.Outcome);

        var exitedAt = h.Registry.Clock.GetUtcNow().UtcDateTime;
        var file = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Exited, file.Status);
        Assert.Equal(DateOnly.FromDateTime(exitedAt).AddYears(5), file.SupportUntil.ToDateOnly());

        var row = Assert.Single(await h.Registry.QueryAsync(db => db.OutboxMessages
            .Where(m => m.AggregateKey == household.HouseholdId && m.MessageType.StartsWith(typeof(HouseholdExited).FullName!)).ToListAsync()));
        var evt = JsonSerializer.Deserialize<HouseholdExited>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((exitedAt, DateOnly.FromDateTime(exitedAt).AddYears(5)), (evt.ExitedAt, evt.SupportUntil));

        var history = await h.Cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = household.HouseholdId }, h.County);
        Assert.Equal([CaseKind.Identification, CaseKind.Exit], history.Cases.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_guarantee_that_fails_after_pre_exit_marking_blocks_the_county_approval_of_the_exit()
    {
        await using var h = new IdentificationHarness();
        var (household, _) = await h.RegisterAsync();
        await h.MarkForExitAsync(household.HouseholdId);
        var @case = (await h.Cases.OpenExitCaseAsync(new OpenExitCaseRequest { HouseholdId = household.HouseholdId }, h.Village)).Case;
        @case = await h.CloseOpenNoticeAsync(await h.ReviewAsync(@case.CaseId));

        // The housing appraisal found the house dangerous after the village had marked the household.
        await h.Registry.SetGuaranteesAsync(household.HouseholdId, GuaranteeState.NotMet);
        var refused = await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition,
            h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, h.County));

        Assert.Contains("housing", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var file = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Registered, file.Status);
    }
}
