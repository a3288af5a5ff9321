using Microsoft.EntityFrameworkCore;

namespace Platform.Relocation.Tests;

/// <summary>
/// Every RPC of the service, walked by its contract: a list refuses page tokens it did not make and
/// an id field refuses anything but a canonical, non-zero UUID, and every field rule the contract
/// declares is enforced before anything is written. A handler that skips Paging or Ids fails here.
/// </summary>
public sealed class CrossCuttingTests(RelocationFactory factory) : IClassFixture<RelocationFactory>
{
    private IReadOnlyList<Grpc.Core.CallOptions> Callers =>
        CrossCuttingChecks.EveryRole((role, region, scopes) => factory.As(role, region, scopes: scopes, purpose: "contract walk"));

    [Fact]
    public async Task Every_list_refuses_a_page_token_it_did_not_make()
    {
        var walk = await CrossCuttingChecks.ListsAcceptingForeignTokensAsync(factory.Services, factory.Channel.CreateCallInvoker(), Callers);

        Assert.Superset(new HashSet<string> { "ListSites", "ListCases" }, walk.Checked.ToHashSet());
        Assert.True(walk.Failures.Count == 0, "\n" + string.Join("\n", walk.Failures));
    }

    [Fact]
    public async Task Every_id_field_refuses_a_non_uuid_and_the_zero_uuid()
    {
        var walk = await CrossCuttingChecks.RpcsAcceptingBadIdsAsync(factory.Services, factory.Channel.CreateCallInvoker(), Callers);

        Assert.Superset(new HashSet<string> { "GetSite.site_id" }, walk.Checked.ToHashSet());
        Assert.True(walk.Failures.Count == 0, "\n" + string.Join("\n", walk.Failures));
    }

    [Fact]
    public async Task Every_field_rule_of_the_contract_refuses_a_request_that_breaks_it_and_writes_nothing()
    {
        var before = await factory.QueryAsync(TableRows.CountAsync);

        var walk = await CrossCuttingChecks.RulesNotEnforcedAsync(factory.Services, factory.Channel.CreateCallInvoker(), Callers);

        Assert.NotEmpty(walk.Checked);
        Assert.True(walk.Failures.Count == 0, "\n" + string.Join("\n", walk.Failures));
        Assert.Equal("", TableRows.Changes(before, await factory.QueryAsync(TableRows.CountAsync)));
    }

    [Fact]
    public async Task Every_call_about_a_household_that_answers_is_audited()
    {
        // A relocated household: its plan, family and follow-up are what the calls about it read.
        var household = await factory.Household().RegisterAsync();
        await factory.SeedPlanAsync(household, await factory.SeedSiteAsync());
        var householdId = household.Id.ToString();

        var walk = await CrossCuttingChecks.HouseholdCallsNotAuditedAsync(factory.Services, factory.Channel.CreateCallInvoker(), Callers, householdId,
            () => factory.QueryAsync(db => ((Platform.Persistence.IAuditedDbContext)db).AuditRecords.LongCountAsync()));

        Assert.NotEmpty(walk.Checked);
        Assert.True(walk.Failures.Count == 0, "\n" + string.Join("\n", walk.Failures));
    }
}
