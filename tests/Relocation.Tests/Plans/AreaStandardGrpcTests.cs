using Grpc.Core;
using Platform.Relocation.Tests.Sites;
using static Platform.Relocation.Tests.Plans.PlanCalls;

namespace Platform.Relocation.Tests.Plans;

/// <summary>The housing area standard is configuration per year, not a literal.</summary>
public sealed class AreaStandardGrpcTests(AreaStandardGrpcTests.Service fixture) : IClassFixture<AreaStandardGrpcTests.Service>
{
    private readonly RelocationFactory _service = fixture.Factory;

    /// <summary>A service whose 2026 standard is 20 m² per person instead of the default 25.</summary>
    public sealed class Service : IAsyncLifetime
    {
        public RelocationFactory Factory { get; } = RelocationFactory.With(new Dictionary<string, string>
        {
            ["Relocation:Policy:Years:2026:PerPersonAreaSqm"] = "20",
        });

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task A_standard_of_20_square_metres_per_person_allows_60_for_three_and_refuses_60_01()
    {
        var site = await _service.CreateSiteAsync(TestRegions.Township, 10, 40, ("1-101", 6001), ("1-102", 6000));
        var household = await _service.Household().Head().Spouse().Child().RegisterAsync();
        var county = _service.CountyOfficer(TestRegions.County);

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _service.Relocations().PlanRelocationAsync(Plan(household, site, "1-101"), county));
        Assert.Contains("20", refused.Status.Detail);
        var planned = await _service.Relocations().PlanRelocationAsync(Plan(household, site, "1-102"), county);
        Assert.Equal(6000, planned.Relocation.AreaSqmHundredths);
    }
}
