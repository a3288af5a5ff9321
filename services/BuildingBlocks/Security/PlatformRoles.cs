namespace Platform.Security;

/// <summary>The roles a platform token can carry (claim "role").</summary>
public static class PlatformRoles
{
    /// <summary>村 officer: files applications and village reviews.</summary>
    public const string VillageOfficer = "village-officer";

    /// <summary>乡/镇 officer: township checks (乡审核).</summary>
    public const string TownshipOfficer = "township-officer";

    /// <summary>县 officer: the accountable level that approves registrations and exits (县审定).</summary>
    public const string CountyOfficer = "county-officer";

    public const string CityOfficer = "city-officer";

    public const string ProvincialOfficer = "provincial-officer";

    /// <summary>Another department's system (education, health, housing, water, civil affairs, HR).</summary>
    public const string DepartmentClient = "department-client";

    /// <summary>Reads records and audit trails; never changes them.</summary>
    public const string Auditor = "auditor";

    /// <summary>Runs the platform: operator actions, no personal data.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All =
    [
        VillageOfficer, TownshipOfficer, CountyOfficer, CityOfficer, ProvincialOfficer,
        DepartmentClient, Auditor, Operator,
    ];

    /// <summary>Officer roles and the administrative level their region claim must name.</summary>
    public static RegionLevel? OfficerLevel(string role) => role switch
    {
        VillageOfficer => RegionLevel.Village,
        TownshipOfficer => RegionLevel.Township,
        CountyOfficer => RegionLevel.County,
        CityOfficer => RegionLevel.City,
        ProvincialOfficer => RegionLevel.Province,
        _ => null,
    };

    /// <summary>
    /// Why a token may not carry this role with this region, or null when it may: the role must be
    /// known and an officer's region must name exactly the officer's level. Names the role and the
    /// levels only, never the claim values, so a refusal does not echo what a token says.
    /// </summary>
    public static string? WhyNotAllowed(string? role, string? region)
    {
        if (role is null || !All.Contains(role))
        {
            return $"The token's role is not a platform role ({string.Join(", ", All)}).";
        }

        if (!RegionCode.TryParse(region, out var code))
        {
            return "The token's region is not a 12-digit region code.";
        }

        return OfficerLevel(role) is { } level && code.Level != level
            ? $"A {role} needs a region code of {LevelName(level)} level; the token's region is of {LevelName(code.Level)} level."
            : null;
    }

    public static string LevelName(RegionLevel level) => level.ToString().ToLowerInvariant();
}

/// <summary>Claim names used in platform tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The 12-digit region the caller is scoped to; the scope covers its descendants.</summary>
    public const string Region = "region";

    /// <summary>Space-separated scopes, e.g. "personal-data".</summary>
    public const string Scope = "scope";

    /// <summary>Lets the caller see unmasked national ID numbers.</summary>
    public const string PersonalDataScope = "personal-data";

    /// <summary>
    /// The kind of records a department client may push (数据比对): "department:education",
    /// "department:health", "department:housing", "department:water". A department client
    /// without the scope of a kind is refused for that kind.
    /// </summary>
    public static string DepartmentScope(string department) => $"department:{department}";
}
