namespace Platform.HouseholdRegistry.Tests;

/// <summary>The contract walks of <see cref="CrossCuttingTests{TProgram, TContext}"/> over this service.</summary>
public sealed class CrossCuttingTests(RegistryFactory factory)
    : CrossCuttingTests<Program, Platform.HouseholdRegistry.Data.RegistryDbContext>(factory), IClassFixture<RegistryFactory>
{
    protected override IReadOnlyList<Grpc.Core.CallOptions> Callers =>
        CrossCuttingChecks.EveryRole((role, region, scopes) => factory.As(role, region, personalData: true, purpose: "contract walk"));

    protected override IReadOnlySet<string> Lists => new HashSet<string> { "ListRegions", "ListHouseholds" };

    protected override IReadOnlySet<string> IdFields => new HashSet<string> { "GetHousehold.household_id" };

    protected override async Task<string> SeedHouseholdAsync() =>
        (await factory.Households.CreateHouseholdApplicationAsync(Applications.Household(TestRegions.Village),
            factory.As(Platform.Security.PlatformRoles.VillageOfficer, TestRegions.Village, personalData: true, purpose: "contract walk"))).Household.HouseholdId;
}
