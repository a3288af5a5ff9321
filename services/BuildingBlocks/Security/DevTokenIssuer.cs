using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security;

/// <summary>
/// Mints tokens with the development signing key, for local runs and tests. Production tokens
/// come from the province's identity provider with the same claims.
/// </summary>
public sealed class DevTokenIssuer(JwtOptions options)
{
    public string Issue(string role, string region, string subject, string? name = null, bool personalData = false, TimeSpan? lifetime = null, IEnumerable<string>? scopes = null)
    {
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = subject,
            [PlatformClaims.Name] = name ?? subject,
            [PlatformClaims.Role] = role,
            [PlatformClaims.Region] = region,
        };
        var granted = (scopes ?? []).Concat(personalData ? [PlatformClaims.PersonalDataScope] : []).Distinct().ToList();
        if (granted.Count > 0)
        {
            claims[PlatformClaims.Scope] = string.Join(' ', granted);
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A fresh random key in the form <see cref="JwtOptions.SigningKey"/> expects.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
