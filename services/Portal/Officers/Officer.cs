using System.Security.Claims;
using Platform.Security;

namespace Platform.Portal.Officers;

/// <summary>
/// The signed-in officer as the portal shows them. The claims come from the officer's access token
/// (read when the token arrives from the identity service's token endpoint over the back channel),
/// so the portal shows exactly the role, region and scopes the services will check.
/// </summary>
public sealed record Officer(string UserName, string DisplayName, string Role, string Region, bool PersonalData)
{
    public static Officer From(ClaimsPrincipal user) => new(
        user.FindFirstValue(PlatformClaims.Subject) ?? "",
        user.FindFirstValue(PlatformClaims.Name) ?? user.FindFirstValue(PlatformClaims.Subject) ?? "",
        user.FindFirstValue(PlatformClaims.Role) ?? "",
        user.FindFirstValue(PlatformClaims.Region) ?? "",
        user.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(PlatformClaims.PersonalDataScope));

    public bool IsVillageOfficer => Role == PlatformRoles.VillageOfficer;
}
