namespace Platform.Security;

/// <summary>
/// Where tokens come from ("Auth" section). A service holds no signing key: it reads the issuer's
/// OpenID Connect discovery document and its JWKS from <see cref="Authority"/> and trusts the
/// tokens those keys sign for <see cref="Audience"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The issuer's base URL; its discovery document is at {Authority}/.well-known/openid-configuration.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience ("aud") a token must name to be accepted here.</summary>
    public string Audience { get; set; } = "pa-platform";

    /// <summary>
    /// Whether the discovery document and keys must come over https. On by default; the AppHost
    /// turns it off for its own identity service on loopback.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often the keys (and the revoked callers) are read again when nothing asks sooner.</summary>
    public TimeSpan MetadataRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The shortest time between two reads that a token asked for (one signed with a key not seen
    /// yet, as after a key rotation): a stream of forged key ids cannot make the service hammer the issuer.
    /// </summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The discovery document's address, or an error that says what is missing.</summary>
    public Uri DiscoveryAddress()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"{Section}:Authority must be the absolute http(s) URL of the identity provider that issues the platform's tokens, not '{Authority}'.");
        }

        if (RequireHttpsMetadata && authority.Scheme != "https")
        {
            throw new InvalidOperationException(
                $"{Section}:Authority is {Authority}: the identity provider's keys must come over https, unless {Section}:RequireHttpsMetadata is false (local runs).");
        }

        return new Uri(authority.AbsoluteUri.TrimEnd('/') + "/" + AuthorityMetadata.DiscoveryPath);
    }
}
