using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.Testing;

/// <summary>
/// Every RPC of a service, walked by its contract: a list refuses page tokens it did not make, an
/// id field refuses anything but a canonical, non-zero UUID, every field rule the contract declares
/// is enforced before anything is written, every RPC declares the roles it admits and refuses the rest, and every call about a household that answers is
/// audited. A handler that skips Paging, Ids, the contract or the audit fails here. Each service's
/// test project derives from it once, naming what its walk must at least reach.
/// </summary>
public abstract class CrossCuttingTests<TProgram, TContext>(ServiceFactory<TProgram, TContext> factory)
    where TProgram : class
    where TContext : DbContext, IMessagingDbContext
{
    /// <summary>The callers of the walk, one a role (see <see cref="CrossCuttingChecks.EveryRole"/>).</summary>
    protected abstract IReadOnlyList<CallOptions> Callers { get; }

    /// <summary>Lists the page-token walk must reach.</summary>
    protected abstract IReadOnlySet<string> Lists { get; }

    /// <summary>Id fields ("Method.field") the id walk must reach.</summary>
    protected abstract IReadOnlySet<string> IdFields { get; }

    /// <summary>A household the callers may see, with whatever the service's calls about it read.</summary>
    protected abstract Task<string> SeedHouseholdAsync();

    private CallInvoker Invoker => factory.Channel.CreateCallInvoker();

    [Fact]
    public async Task Every_list_refuses_a_page_token_it_did_not_make()
    {
        var walk = await CrossCuttingChecks.ListsAcceptingForeignTokensAsync(factory.Services, Invoker, Callers);

        Assert.Superset(Lists.ToHashSet(), walk.Checked.ToHashSet());
        AssertNoFailures(walk);
    }

    [Fact]
    public async Task Every_id_field_refuses_a_non_uuid_and_the_zero_uuid()
    {
        var walk = await CrossCuttingChecks.RpcsAcceptingBadIdsAsync(factory.Services, Invoker, Callers);

        Assert.Superset(IdFields.ToHashSet(), walk.Checked.ToHashSet());
        AssertNoFailures(walk);
    }

    [Fact]
    public async Task Every_field_rule_of_the_contract_refuses_a_request_that_breaks_it_and_writes_nothing()
    {
        await AssertWalkPassesAndWritesNothingAsync(() => CrossCuttingChecks.RulesNotEnforcedAsync(factory.Services, Invoker, Callers));
    }

    [Fact]
    public async Task Every_call_about_a_household_that_answers_is_audited()
    {
        var householdId = await SeedHouseholdAsync();

        var walk = await CrossCuttingChecks.HouseholdCallsNotAuditedAsync(factory.Services, Invoker, Callers, householdId,
            () => factory.QueryAsync(db => ((IAuditedDbContext)db).AuditRecords.LongCountAsync()));

        Assert.NotEmpty(walk.Checked);
        AssertNoFailures(walk);
    }

    [Fact]
    public async Task Every_rpc_declares_its_callers_and_refuses_every_other_role()
    {
        await AssertWalkPassesAndWritesNothingAsync(() => CrossCuttingChecks.RolesNotRefusedAsync(factory.Services, Invoker, Callers));
    }

    /// <summary>Runs a walk of refused calls: it must reach something, break nothing, and leave every table as it was.</summary>
    private async Task AssertWalkPassesAndWritesNothingAsync(Func<Task<CrossCuttingChecks.Walk>> run)
    {
        var before = await factory.QueryAsync(TableRows.CountAsync);

        var walk = await run();

        Assert.NotEmpty(walk.Checked);
        AssertNoFailures(walk);
        Assert.Equal("", TableRows.Changes(before, await factory.QueryAsync(TableRows.CountAsync)));
    }

    private static void AssertNoFailures(CrossCuttingChecks.Walk walk) =>
        Assert.True(walk.Failures.Count == 0, "\n" + string.Join("\n", walk.Failures));
}
