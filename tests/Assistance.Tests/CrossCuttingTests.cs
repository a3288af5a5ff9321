namespace Platform.Assistance.Tests;

/// <summary>The contract walks of <see cref="CrossCuttingTests{TProgram, TContext}"/> over this service.</summary>
public sealed class CrossCuttingTests(AssistanceFactory factory)
    : CrossCuttingTests<Program, Platform.Assistance.Data.AssistanceDbContext>(factory), IClassFixture<AssistanceFactory>
{
    protected override IReadOnlyList<Grpc.Core.CallOptions> Callers =>
        CrossCuttingChecks.EveryRole((role, region, scopes) => factory.As(role, region, scopes: scopes, purpose: "contract walk"));

    protected override IReadOnlySet<string> Lists => new HashSet<string> { "ListRegionCoverage", "ListDangerousHouses" };

    protected override IReadOnlySet<string> IdFields => new HashSet<string> { "GetHouseholdGuarantees.household_id" };

    protected override async Task<string> SeedHouseholdAsync() =>
        (await factory.Household().RegisterAsync()).Id.ToString();
}
