using System.Security.Claims;

namespace Platform.Security;

/// <summary>Who is calling, read from a validated token: identity, role, region scope, scopes.</summary>
public sealed record Caller(string Subject, string Name, string Role, RegionCode Region, IReadOnlySet<string> Scopes)
{
    public bool HasPersonalDataScope => Scopes.Contains(PlatformClaims.PersonalDataScope);

    public bool IsOfficer => PlatformRoles.OfficerLevel(Role) is not null;

    /// <summary>A caller sees a record when its region scope covers the record's region.</summary>
    public bool CanSee(RegionCode recordRegion) => Region.Covers(recordRegion);

    /// <summary>
    /// Reads the caller from claims. Returns null when the token lacks a known role or a valid
    /// region, so that such a token is treated as unauthenticated rather than as "everything".
    /// </summary>
    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        var role = principal.FindFirst(PlatformClaims.Role)?.Value;
        var regionText = principal.FindFirst(PlatformClaims.Region)?.Value;
        if (PlatformRoles.WhyNotAllowed(role, regionText) is not null)
        {
            return null;
        }

        var region = RegionCode.Parse(regionText!);

        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown";
        var name = principal.FindFirst(PlatformClaims.Name)?.Value ?? subject;
        // One space-separated claim (RFC 9068), or one claim per scope as some providers write them.
        var scopes = principal.FindAll(PlatformClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, name, role!, region, scopes);
    }
}
