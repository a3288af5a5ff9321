using Google.Protobuf;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Contracts;

/// <summary>
/// The field rules the registry's contracts declare, checked as the interceptor checks them: each
/// case names the field a caller got wrong, and the valid edge passes.
/// </summary>
public sealed class RegistryContractRulesTests
{
    private const long Bound = MoneyLimits.YearlyIncomeFen;
    private const string Id = "0195f3a2-8b1c-7d4e-9f00-123456789abc";

    private static IReadOnlyList<string> Fields(IMessage request) => RequestValidator.Shared.Check(request).Items.Select(v => v.Field).ToList();

    [Theory]
    [InlineData("", "must not be blank")]
    [InlineData(" \t ", "must not be blank")]
    [InlineData("\u3000\u3000", "must not be blank")]
    public void Required_text_of_spaces_is_blank(string reason, string description)
    {
        var violation = Assert.Single(RequestValidator.Shared.Check(new RejectRequest { CaseId = Id, Reason = reason }).Items);

        Assert.Equal(("reason", description), (violation.Field, violation.Description));
    }

    [Fact]
    public void Required_text_is_bounded_and_one_character_is_enough()
    {
        Assert.Empty(Fields(new RejectRequest { CaseId = Id, Reason = "否" }));
        Assert.Empty(Fields(new RejectRequest { CaseId = Id, Reason = new string('否', 2000) }));
        Assert.Equal(["reason"], Fields(new RejectRequest { CaseId = Id, Reason = new string('否', 2001) }));
    }

    [Theory]
    [InlineData("太短的理由九个字符", false)]
    [InlineData("   九个字符加空格       ", false)]
    [InlineData("经县级复核车辆已转让", true)]
    [InlineData("  经县级复核车辆已转让  ", true)]
    public void An_override_reason_has_ten_written_characters(string reason, bool valid)
    {
        var fields = Fields(new OverrideExclusionRequest { CaseId = Id, Reason = reason });

        Assert.Equal(valid ? [] : ["reason"], fields);
    }

    [Fact]
    public void An_appraisal_needs_a_decision_of_approve_or_reject_and_at_least_one_vote()
    {
        var request = new AppraiseInGroupRequest { CaseId = Id, Decision = StepDecision.Open, Votes = new AppraisalVotes(), Minutes = "纪要" };
        Assert.Equal(["decision", "votes"], Fields(request));

        request.Decision = StepDecision.Approve;
        request.Votes = new AppraisalVotes { InFavour = 5, Against = -1 };
        Assert.Equal(["votes.against"], Fields(request));

        request.Votes = null;
        Assert.Equal(["votes"], Fields(request));

        request.Votes = new AppraisalVotes { Abstaining = 1 };
        Assert.Empty(Fields(request));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(Bound, true)]
    [InlineData(Bound + 1, false)]
    [InlineData(-1, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(long.MinValue, false)]
    public void Income_amounts_are_bounded_by_the_yearly_income_limit(long fen, bool valid)
    {
        var request = new RecordIncomeSurveyRequest { HouseholdId = Id, Year = 2025, Transfer = new Money { Fen = fen } };

        Assert.Equal(valid ? [] : ["transfer"], Fields(request));
    }

    [Theory]
    [InlineData(-Bound, true)]
    [InlineData(-Bound - 1, false)]
    [InlineData(Bound + 1, false)]
    [InlineData(long.MinValue, false)]
    public void Production_net_income_may_be_a_loss_down_to_minus_the_bound(long fen, bool valid)
    {
        var request = new RecordIncomeSurveyRequest { HouseholdId = Id, Year = 2025, ProductionNet = new Money { Fen = fen } };

        Assert.Equal(valid ? [] : ["production_net"], Fields(request));
    }

    [Fact]
    public void A_hardship_amount_is_optional_but_bounded()
    {
        var request = new DeclareHardshipRequest { HouseholdId = Id, Kind = HardshipKind.Disaster, Description = "洪水冲毁房屋" };
        Assert.Empty(Fields(request));

        request.Amount = new Money { Fen = Bound + 1 };
        Assert.Equal(["amount"], Fields(request));
    }

    [Fact]
    public void Listing_monitored_households_by_the_category_none_is_refused()
    {
        Assert.Equal(["category"], Fields(new ListMonitoredRequest { Category = MonitoringCategory.None }));
        Assert.Empty(Fields(new ListMonitoredRequest { Category = MonitoringCategory.Unspecified }));
        Assert.Empty(Fields(new ListMonitoredRequest { Category = MonitoringCategory.SuddenHardship, RegionCode = "341522000000" }));
    }

    [Fact]
    public void A_work_team_names_each_member_and_at_most_twenty()
    {
        var request = new SetWorkTeamRequest
        {
            VillageCode = "341522104201", PairedUnit = "县财政局", FirstSecretaryName = "王强", From = new Date { Year = 2026, Month = 3, Day = 1 },
            MemberNames = { "李明", " " },
        };
        Assert.Equal(["member_names[1]"], Fields(request));

        request.MemberNames.Clear();
        request.MemberNames.Add(Enumerable.Range(0, 21).Select(i => $"队员{i}"));
        Assert.Equal(["member_names"], Fields(request));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(1999, false)]
    [InlineData(2101, false)]
    public void Statistics_take_the_current_year_or_a_year_from_2000_to_2100(int year, bool valid)
    {
        Assert.Equal(valid ? [] : ["year"], Fields(new GetRegionStatisticsRequest { RegionCode = "341522000000", Year = year }));
    }

    [Fact]
    public void A_visit_names_its_helper_only_when_it_was_not_the_paired_one()
    {
        var request = new RecordVisitRequest { HouseholdId = Id, VisitDate = new Date { Year = 2026, Month = 3, Day = 1 }, Content = "走访" };
        Assert.Empty(Fields(request));

        request.HelperId = "helper-7";
        Assert.Equal(["helper_id"], Fields(request));
    }
}
