using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>The server caps calls that come without a deadline (or with a long one); it must still serve them.</summary>
public sealed class DeadlineTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_call_without_a_deadline_is_served()
    {
        var headers = registry.Headers(PlatformRoles.CountyOfficer, Seeded.Huoqiu);

        var response = await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), headers);

        Assert.Equal(0, response.Page.TotalSize);
    }

    [Fact]
    public async Task A_call_with_a_deadline_beyond_the_cap_is_served()
    {
        var headers = registry.Headers(PlatformRoles.CountyOfficer, Seeded.Huoqiu);

        var response = await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), headers, DateTime.UtcNow.AddMinutes(5));

        Assert.Equal(0, response.Page.TotalSize);
    }
}
