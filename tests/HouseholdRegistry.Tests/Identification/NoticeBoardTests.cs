using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>The village notice board, objections to the announcement, and the audit of reads that show names.</summary>
public sealed class NoticeBoardTests
{
    [Fact]
    public async Task The_board_pages_newest_first_filters_by_status_and_is_audited()
    {
        await using var h = new IdentificationHarness();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, @case) = await h.ApplyAsync();
            await h.AppraiseAsync(@case.CaseId);
            ids.Add((await h.ReviewAsync(@case.CaseId)).Notices[0].NoticeId);
        }

        var reader = h.Registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, "board.reader", purpose: "公示检查");
        var first = await h.Cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Qilipeng, Page = new PageRequest { PageSize = 2 } }, reader);
        var second = await h.Cases.ListNoticesAsync(new ListNoticesRequest
        {
            VillageCode = Seeded.Qilipeng, Page = new PageRequest { PageSize = 2, PageToken = first.Page.NextPageToken },
        }, reader);

        Assert.Equal(3, first.Page.TotalSize);
        Assert.Equal([ids[2], ids[1], ids[0]], first.Notices.Concat(second.Notices).Select(n => n.NoticeId));
        Assert.Empty(second.Page.NextPageToken);
        var closed = await h.Cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Qilipeng, Status = NoticeStatus.Closed }, reader);
        Assert.Empty(closed.Notices);
        await RpcAssert.FailsAsync(StatusCode.NotFound, h.Cases.ListNoticesAsync(
            new ListNoticesRequest { VillageCode = Seeded.Qilipeng }, h.Registry.As(PlatformRoles.TownshipOfficer, Seeded.Chengguan)));

        var audit = await h.Registry.QueryAsync(db => db.AuditRecords.Where(a => a.Actor == "board.reader").ToListAsync());
        Assert.Equal(3, audit.Count(a => a.Action == "notice.list" && a.EntityId == Seeded.Qilipeng && a.Purpose == "公示检查"));
    }

    [Fact]
    public async Task Objections_count_on_the_board_and_an_upheld_one_on_the_announcement_returns_the_case_to_review()
    {
        await using var h = new IdentificationHarness();
        var (_, @case) = await h.ApplyAsync();
        await h.AppraiseAsync(@case.CaseId);
        @case = await h.CloseOpenNoticeAsync(await h.ReviewAsync(@case.CaseId));
        await h.Cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = @case.CaseId }, h.Township);
        @case = (await h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, h.County)).Case;
        var announcement = @case.Notices[^1];

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = announcement.NoticeId }, h.County));
        var objection = (await h.Cases.FileObjectionAsync(new FileObjectionRequest
        {
            NoticeId = announcement.NoticeId, ObjectorName = "李四", Content = "儿子是县教育局在编教师",
        }, h.County)).Objection;

        var board = await h.Cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Qilipeng, Status = NoticeStatus.Open }, h.Village);
        Assert.Equal(1, Assert.Single(board.Notices).OpenObjections);

        @case = (await h.Cases.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            ObjectionId = objection.ObjectionId, Resolution = ObjectionStatus.Upheld, Finding = "经人社局核实属实",
        }, h.County)).Case;

        Assert.Equal((CaseStage.VillageReview, CaseOutcome.Open), (@case.Stage, @case.Outcome));
        Assert.Equal(NoticeStatus.Withdrawn, @case.Notices[^1].Status);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, h.Cases.FileObjectionAsync(new FileObjectionRequest
        {
            NoticeId = announcement.NoticeId, ObjectorName = "王五", Content = "同上",
        }, h.Village));

        await h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.Registry.As(PlatformRoles.Auditor, Seeded.Huoqiu, "auditor.qian"));
        var reads = await h.Registry.QueryAsync(db => db.AuditRecords.Where(a => a.Action == "case.read" && a.Actor == "auditor.qian").ToListAsync());
        Assert.Equal(@case.CaseId, Assert.Single(reads).EntityId);
    }

    [Fact]
    public async Task A_rejected_exit_leaves_the_household_registered()
    {
        await using var h = new IdentificationHarness();
        var (household, _) = await h.RegisterAsync();
        await h.MarkForExitAsync(household.HouseholdId);
        var @case = (await h.Cases.OpenExitCaseAsync(new OpenExitCaseRequest { HouseholdId = household.HouseholdId }, h.Village)).Case;

        @case = (await h.Cases.RejectAsync(new RejectRequest { CaseId = @case.CaseId, Reason = "收入不稳定, 暂缓退出" }, h.Village)).Case;

        Assert.Equal(CaseOutcome.Rejected, @case.Outcome);
        var file = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Registered, file.Status);
        var id = Guid.Parse(household.HouseholdId);
        var active = await h.Registry.QueryAsync(db => db.Members.CountAsync(m => m.IsActive && db.Households.Any(x => x.Seq == m.HouseholdSeq && x.Id == id)));
        Assert.Equal(3, active);
    }
}
