using Pa.Registry.V1;
using Case = Platform.HouseholdRegistry.Identification.Case;
using Notice = Platform.HouseholdRegistry.Identification.Notice;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Policy;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Tests.Identification;

public sealed class NoticeRulesTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Village = new("li.wei", "village-officer", "341522104201");
    private static readonly YearPolicy Policy = new() { NoticeDays = 7 };

    [Fact]
    public void A_notice_closes_on_its_end_date_not_before()
    {
        var (_, notice) = CaseInNotice();

        Assert.Equal(new DateOnly(2026, 3, 9), notice.EndDate);
        Assert.NotNull(NoticeRules.WhyNotClosable(notice, new DateOnly(2026, 3, 8)));
        Assert.Null(NoticeRules.WhyNotClosable(notice, new DateOnly(2026, 3, 9)));
        Assert.Null(NoticeRules.WhyNotClosable(notice, new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void An_open_objection_keeps_the_notice_up_until_it_is_dismissed()
    {
        var (@case, notice) = CaseInNotice();
        var objection = CaseProcedure.FileObjection(@case, notice, Village, Start.AddDays(1), "张三", "家中有货车", "照片");
        var endDate = notice.EndDate;

        Assert.Contains("objection", NoticeRules.WhyNotClosable(notice, endDate));

        CaseProcedure.ResolveObjection(@case, notice, objection, upheld: false, "货车属于邻居", Village, Start.AddDays(2));

        Assert.Equal(ObjectionStatus.Dismissed, objection.Status);
        Assert.Equal("货车属于邻居", objection.Finding);
        Assert.Equal(NoticeStatus.Open, notice.Status);
        Assert.Equal(CaseStage.VillageNotice, @case.Stage);
        Assert.Null(NoticeRules.WhyNotClosable(notice, endDate));
    }

    [Fact]
    public void An_upheld_objection_withdraws_the_notice_and_sends_the_case_back_to_village_review()
    {
        var (@case, notice) = CaseInNotice();
        var objection = CaseProcedure.FileObjection(@case, notice, Village, Start.AddDays(1), "张三", "户主在县城有商品房", "房产证复印件");

        CaseProcedure.ResolveObjection(@case, notice, objection, upheld: true, "核实属实", Village, Start.AddDays(2));

        Assert.Equal(NoticeStatus.Withdrawn, notice.Status);
        Assert.Equal(CaseStage.VillageReview, @case.Stage);
        Assert.Equal(StepDecision.Return, @case.Steps[^1].Decision);
        Assert.NotNull(NoticeRules.WhyNotClosable(notice, notice.EndDate));

        CaseProcedure.Approve(@case, Village, Start.AddDays(3), Policy, new StepNotes("", "复议纪要"));
        var second = @case.Notices[^1];
        Assert.NotSame(notice, second);
        Assert.Equal((new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 12), NoticeStatus.Open), (second.StartDate, second.EndDate, second.Status));
    }

    [Fact]
    public void A_closed_notice_cannot_close_again_and_closing_moves_the_case_on()
    {
        var (@case, notice) = CaseInNotice();
        CaseProcedure.CloseNotice(@case, notice, Village, Start.AddDays(7), Policy);

        Assert.Equal(CaseStage.TownshipCheck, @case.Stage);
        Assert.NotNull(NoticeRules.WhyNotClosable(notice, notice.EndDate.AddDays(1)));
    }

    private static (Case Case, Notice Notice) CaseInNotice()
    {
        var household = new Household { Id = Guid.NewGuid(), RegionCode = "341522104201", AppliedBy = "li.wei" };
        var @case = CaseProcedure.Open(household, CaseKind.Identification, Village, Start);
        CaseProcedure.Approve(@case, Village, Start, Policy, new StepNotes("", "评议纪要", new AppraisalVotes { InFavour = 9 }));
        CaseProcedure.Approve(@case, Village, Start, Policy, new StepNotes("", "村民代表会议纪要"));
        Assert.Equal(CaseStage.VillageNotice, @case.Stage);
        return (@case, Assert.Single(@case.Notices));
    }
}
