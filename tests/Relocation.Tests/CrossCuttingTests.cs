namespace Platform.Relocation.Tests;

/// <summary>The contract walks of <see cref="CrossCuttingTests{TProgram, TContext}"/> over this service.</summary>
public sealed class CrossCuttingTests(RelocationFactory factory)
    : CrossCuttingTests<Program, Platform.Relocation.Data.RelocationDbContext>(factory), IClassFixture<RelocationFactory>
{
    protected override IReadOnlyList<Grpc.Core.CallOptions> Callers =>
        CrossCuttingChecks.EveryRole((role, region, scopes) => factory.As(role, region, scopes: scopes, purpose: "contract walk"));

    protected override IReadOnlySet<string> Lists => new HashSet<string> { "ListSites", "ListCases" };

    protected override IReadOnlySet<string> IdFields => new HashSet<string> { "GetSite.site_id" };

    /// <summary>A relocated household: its plan, family and follow-up are what the calls about it read.</summary>
    protected override async Task<string> SeedHouseholdAsync()
    {
        var household = await factory.Household().RegisterAsync();
        await factory.SeedPlanAsync(household, await factory.SeedSiteAsync());
        return household.Id.ToString();
    }
}
