namespace Platform.Testing;

/// <summary>Region codes the service tests share: one county with a township and two villages, and a county next door.</summary>
public static class TestRegions
{
    public const string Province = "340000000000";
    public const string County = "341522000000";
    public const string Township = "341522100000";
    public const string Village = "341522100201";
    public const string OtherVillage = "341522100202";
    public const string OtherCounty = "341523000000";
    public const string OtherCountyTownship = "341523100000";
    public const string OtherCountyVillage = "341523100201";
}
