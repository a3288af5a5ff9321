using Pa.Registry.V1;
using Platform.HouseholdRegistry.Helpers;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Tests.Support;

public sealed class PairingRulesTests
{
    private static readonly YearPolicy Policy = new() { MaxHouseholdsPerHelper = 3 };

    private static readonly Helpers.Helper CountyHelper = new()
    {
        Id = Guid.NewGuid(), Name = "李泽坤", WorkUnit = "环保局", PhoneCipher = "x", RegionCode = Seeded.Huoqiu,
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void A_helper_takes_households_up_to_the_policy_maximum(int paired, bool hasRoom)
    {
        Assert.Equal(hasRoom, PairingRules.HasRoom(paired, Policy));
        Assert.Equal(hasRoom, PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Qilipeng, null, CountyHelper, paired, Policy) is null);
    }

    [Fact]
    public void The_default_maximum_is_five_households()
    {
        Assert.True(PairingRules.HasRoom(4, new YearPolicy()));
        Assert.False(PairingRules.HasRoom(5, new YearPolicy()));
    }

    [Theory]
    [InlineData(HouseholdStatus.Applied, true)]
    [InlineData(HouseholdStatus.Registered, true)]
    [InlineData(HouseholdStatus.Rejected, false)]
    [InlineData(HouseholdStatus.Exited, false)]
    [InlineData(HouseholdStatus.Monitored, false)]
    public void Only_applied_and_registered_households_are_paired(HouseholdStatus status, bool accepted)
    {
        Assert.Equal(accepted, PairingRules.AcceptsHelper(status));
        Assert.Equal(accepted, PairingRules.Refusal(status, Seeded.Qilipeng, null, CountyHelper, 0, Policy) is null);
    }

    [Fact]
    public void An_inactive_helper_is_refused()
    {
        var inactive = new Helpers.Helper { Id = Guid.NewGuid(), Name = "a", WorkUnit = "b", PhoneCipher = "c", RegionCode = Seeded.Huoqiu, Active = false };
        Assert.Contains("no longer active", PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Qilipeng, null, inactive, 0, Policy));
    }

    [Fact]
    public void A_helper_serves_households_inside_its_region_only()
    {
        var townshipHelper = new Helpers.Helper { Id = Guid.NewGuid(), Name = "a", WorkUnit = "b", PhoneCipher = "c", RegionCode = Seeded.Changji };
        Assert.Null(PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Qilipeng, null, townshipHelper, 0, Policy));
        Assert.Contains("does not include", PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Donghu, null, townshipHelper, 0, Policy));
    }

    [Fact]
    public void Pairing_again_with_the_same_helper_is_refused()
    {
        Assert.Contains("already paired with this helper", PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Qilipeng, CountyHelper.Id, CountyHelper, 1, Policy));
        Assert.Null(PairingRules.Refusal(HouseholdStatus.Registered, Seeded.Qilipeng, Guid.NewGuid(), CountyHelper, 1, Policy));
    }
}
