using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Policy;
using Case = Platform.HouseholdRegistry.Identification.Case;
using Household = Platform.HouseholdRegistry.Households.Household;
using Notice = Platform.HouseholdRegistry.Identification.Notice;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>Only closing a case's announcement completes it; every earlier step only moves it on.</summary>
public sealed class StepOutcomeTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Village = new("li.wei", "village-officer", "341522104201");
    private static readonly StepActor Township = new("wang.fang", "township-officer", "341522104000");
    private static readonly StepActor County = new("zhao.lei", "county-officer", "341522000000");
    private static readonly YearPolicy Policy = new() { NoticeDays = 7, PostExitSupportYears = 5 };

    [Fact]
    public void Every_identification_step_before_the_announcement_closes_moves_on_and_the_last_registers()
    {
        var household = NewHousehold();
        var @case = CaseProcedure.Open(household, CaseKind.Identification, Village, Start);

        var early = new[]
        {
            CaseProcedure.Approve(@case, Village, Start, Policy, new StepNotes("", "评议纪要", new AppraisalVotes { InFavour = 9 })),
            CaseProcedure.Approve(@case, Village, Start, Policy, new StepNotes("", "村民代表会议纪要")),
            CaseProcedure.CloseNotice(@case, OpenNotice(@case), Village, Start.AddDays(7), Policy),
            CaseProcedure.Approve(@case, Township, Start.AddDays(8), Policy, new StepNotes("")),
            CaseProcedure.Approve(@case, County, Start.AddDays(9), Policy, new StepNotes("")),
        };
        var last = CaseProcedure.CloseNotice(@case, OpenNotice(@case), Village, Start.AddDays(16), Policy);

        Assert.All(early, outcome => Assert.Same(StepOutcome.MovedOn, outcome));
        var registered = Assert.IsType<StepOutcome.Registered>(last);
        Assert.Equal((household.Id, household.RegionCode), (registered.Event.HouseholdId, registered.Event.RegionCode));
        Assert.Equal(HouseholdStatus.Registered, household.Status);
    }

    [Fact]
    public void Closing_an_exit_announcement_exits_the_household_with_its_support_period()
    {
        var household = NewHousehold();
        household.Status = HouseholdStatus.Registered;
        var @case = CaseProcedure.Open(household, CaseKind.Exit, Village, Start);
        Assert.Same(StepOutcome.MovedOn, CaseProcedure.Approve(@case, Village, Start, Policy, new StepNotes("", "村民代表会议纪要")));
        Assert.Same(StepOutcome.MovedOn, CaseProcedure.CloseNotice(@case, OpenNotice(@case), Village, Start.AddDays(7), Policy));
        Assert.Same(StepOutcome.MovedOn, CaseProcedure.Approve(@case, County, Start.AddDays(8), Policy, new StepNotes("")));

        var last = CaseProcedure.CloseNotice(@case, OpenNotice(@case), Village, Start.AddDays(15), Policy);

        var exited = Assert.IsType<StepOutcome.Exited>(last);
        Assert.Equal(household.Id, exited.Event.HouseholdId);
        Assert.Equal(new DateOnly(2031, 3, 17), exited.Event.SupportUntil);
    }

    private static Household NewHousehold() => new() { Id = Guid.NewGuid(), RegionCode = "341522104201", AppliedBy = "li.wei" };

    private static Notice OpenNotice(Case @case) => @case.Notices.Single(n => n.Status == NoticeStatus.Open);
}
