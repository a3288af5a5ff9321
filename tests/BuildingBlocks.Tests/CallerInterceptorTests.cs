using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

/// <summary>The role flags that [Allow] names; the interceptor itself is walked over every RPC by each service's CrossCuttingTests.</summary>
public sealed class CallerInterceptorTests
{
    [Fact]
    public void Every_platform_role_has_its_own_flag()
    {
        var flags = PlatformRoles.All.Select(RoleFlags.Of).ToList();

        Assert.DoesNotContain(Roles.None, flags);
        Assert.Equal(flags.Count, flags.Distinct().Count());
        Assert.Equal(PlatformRoles.All, RoleFlags.Names(Roles.Anyone));
    }

    [Fact]
    public void An_unknown_role_is_admitted_nowhere()
    {
        Assert.Equal(Roles.None, RoleFlags.Of("root"));
        Assert.False(new AllowAttribute(Roles.Anyone, "read").Admits("root"));
    }

    [Theory]
    [InlineData(PlatformRoles.VillageOfficer, true)]
    [InlineData(PlatformRoles.CountyOfficer, true)]
    [InlineData(PlatformRoles.CityOfficer, false)]
    [InlineData(PlatformRoles.Operator, false)]
    public void Recorders_are_the_village_township_and_county_officers(string role, bool admitted)
    {
        Assert.Equal(admitted, new AllowAttribute(Roles.Recorders, "record").Admits(role));
    }

    [Fact]
    public void Readers_are_everyone_but_the_operator()
    {
        Assert.Equal(PlatformRoles.All.Where(r => r != PlatformRoles.Operator), RoleFlags.Names(Roles.Readers));
    }
}
