using System.Security.Claims;
using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class CallerTests
{
    private static ClaimsPrincipal Principal(string? role, string? region, string? scope = null, string? subject = "u1", string? name = null)
    {
        var claims = new List<Claim>();
        void AddIf(string type, string? value)
        {
            if (value is not null)
            {
                claims.Add(new Claim(type, value));
            }
        }

        AddIf(PlatformClaims.Subject, subject);
        AddIf(PlatformClaims.Name, name);
        AddIf(PlatformClaims.Role, role);
        AddIf(PlatformClaims.Region, region);
        AddIf(PlatformClaims.Scope, scope);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void Valid_county_officer()
    {
        var caller = Caller.FromPrincipal(Principal(PlatformRoles.CountyOfficer, "341522000000", name: "Officer Li"));

        Assert.NotNull(caller);
        Assert.Equal("u1", caller.Subject);
        Assert.Equal("Officer Li", caller.Name);
        Assert.Equal(PlatformRoles.CountyOfficer, caller.Role);
        Assert.Equal(RegionCode.Parse("341522000000"), caller.Region);
        Assert.True(caller.IsOfficer);
        Assert.False(caller.HasPersonalDataScope);
    }

    [Fact]
    public void Name_defaults_to_subject()
    {
        var caller = Caller.FromPrincipal(Principal(PlatformRoles.VillageOfficer, "341522100201"));

        Assert.Equal("u1", caller?.Name);
    }

    [Theory]
    [InlineData("superuser", "341522000000")]
    [InlineData(null, "341522000000")]
    [InlineData(PlatformRoles.CountyOfficer, null)]
    [InlineData(PlatformRoles.CountyOfficer, "not-a-region")]
    [InlineData(PlatformRoles.CountyOfficer, "341522100201")]
    [InlineData(PlatformRoles.VillageOfficer, "341522000000")]
    [InlineData(PlatformRoles.ProvincialOfficer, "341500000000")]
    public void Unknown_role_bad_region_or_wrong_level_is_null(string? role, string? region)
    {
        Assert.Null(Caller.FromPrincipal(Principal(role, region)));
    }

    [Theory]
    [InlineData(PlatformRoles.Auditor, "340000000000")]
    [InlineData(PlatformRoles.Auditor, "341522100201")]
    [InlineData(PlatformRoles.DepartmentClient, "341522000000")]
    [InlineData(PlatformRoles.DepartmentClient, "341522100000")]
    [InlineData(PlatformRoles.Operator, "341500000000")]
    public void Non_officer_roles_may_have_any_level(string role, string region)
    {
        var caller = Caller.FromPrincipal(Principal(role, region));

        Assert.NotNull(caller);
        Assert.False(caller.IsOfficer);
    }

    [Fact]
    public void Personal_data_scope_is_read_from_space_separated_scopes()
    {
        var with = Caller.FromPrincipal(Principal(PlatformRoles.CountyOfficer, "341522000000", scope: "read personal-data"));
        var without = Caller.FromPrincipal(Principal(PlatformRoles.CountyOfficer, "341522000000", scope: "read personal-data-lite"));

        Assert.True(with?.HasPersonalDataScope);
        Assert.False(without?.HasPersonalDataScope);
    }

    [Fact]
    public void CanSee_records_in_covered_regions_only()
    {
        var caller = Caller.FromPrincipal(Principal(PlatformRoles.TownshipOfficer, "341522100000"));

        Assert.NotNull(caller);
        Assert.True(caller.CanSee(RegionCode.Parse("341522100201")));
        Assert.True(caller.CanSee(RegionCode.Parse("341522100000")));
        Assert.False(caller.CanSee(RegionCode.Parse("341522101201")));
        Assert.False(caller.CanSee(RegionCode.Parse("341522000000")));
    }
}
