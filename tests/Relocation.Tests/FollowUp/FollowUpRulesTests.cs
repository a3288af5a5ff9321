using Platform.Relocation.FollowUp;

namespace Platform.Relocation.Tests.FollowUp;

/// <summary>The pure rules of industry links and zero-employment cases, at their boundaries.</summary>
public sealed class FollowUpRulesTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_household_is_linked_to_industries_once_it_moved_in(bool movedIn, bool allowed) =>
        Assert.Equal(allowed, IndustryLinkRules.CheckMovedIn(movedIn) is null);

    [Fact]
    public void Only_an_industry_of_the_households_own_site_is_linked()
    {
        var site = Guid.NewGuid();
        Assert.Null(IndustryLinkRules.CheckSameSite(site, site, "Tea base"));
        Assert.Equal("The industry Tea base belongs to another site than the household's.", IndustryLinkRules.CheckSameSite(Guid.NewGuid(), site, "Tea base"));
    }

    [Fact]
    public void An_open_case_takes_changes_and_a_closed_one_says_when_and_why_it_closed()
    {
        Assert.Null(CaseRules.CheckOpen(null, CaseOutcome.Open));
        Assert.Equal("The case closed on 2026-05-04 (Employed); a closed case takes no more changes.",
            CaseRules.CheckOpen(new DateTime(2026, 5, 4, 23, 59, 0, DateTimeKind.Utc), CaseOutcome.Employed));
    }
}
