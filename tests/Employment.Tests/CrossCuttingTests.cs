namespace Platform.Employment.Tests;

/// <summary>The contract walks of <see cref="CrossCuttingTests{TProgram, TContext}"/> over this service.</summary>
public sealed class CrossCuttingTests(EmploymentFactory factory)
    : CrossCuttingTests<Program, Platform.Employment.Data.EmploymentDbContext>(factory), IClassFixture<EmploymentFactory>
{
    protected override IReadOnlyList<Grpc.Core.CallOptions> Callers =>
        CrossCuttingChecks.EveryRole((role, region, scopes) => factory.As(role, region, scopes: scopes, purpose: "contract walk"));

    protected override IReadOnlySet<string> Lists => new HashSet<string> { "ListWorkshops", "ListPosts", "ListPayslips", "ListVillagesBelowStandard" };

    protected override IReadOnlySet<string> IdFields => new HashSet<string> { "GetProject.project_id" };

    protected override async Task<string> SeedHouseholdAsync() =>
        (await factory.Household().RegisterAsync()).Id.ToString();
}
