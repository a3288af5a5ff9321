namespace Platform.Identity;

/// <summary>The identity service's settings ("Identity" section).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// AES-256 key (base64, 32 bytes) that protects the signing keys' private halves in the
    /// database; from the secret store in production, from the data folder in local runs.
    /// </summary>
    public string KeyProtectionKey { get; set; } = "";

    /// <summary>The algorithm of new signing keys: RS256 (the default, what every client library reads) or ES256.</summary>
    public string SigningAlgorithm { get; set; } = "RS256";

    /// <summary>How long an access token is valid; a retired key stays published this long (plus skew) after it stops signing.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The issuer URL tokens name; when empty, the address the caller used (fine behind no proxy).</summary>
    public string? Issuer { get; set; }

    /// <summary>How often each replica reads the keys again, so a rotation on one replica reaches the others.</summary>
    public TimeSpan KeyReload { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Accounts created (or updated) at start: the AppHost's development officers and clients.</summary>
    public IdentitySeed Seed { get; set; } = new();
}

public sealed class IdentitySeed
{
    public List<SeedOfficer> Officers { get; set; } = [];

    public List<SeedClient> Clients { get; set; } = [];
}

public sealed class SeedOfficer
{
    public string UserName { get; set; } = "";

    public string? DisplayName { get; set; }

    public string Role { get; set; } = "";

    public string Region { get; set; } = "";

    public string Scopes { get; set; } = "";

    public string Password { get; set; } = "";
}

public sealed class SeedClient
{
    public string ClientId { get; set; } = "";

    public string? DisplayName { get; set; }

    public string Region { get; set; } = "";

    public string Scopes { get; set; } = "";

    /// <summary>The client's secret; empty for a public client of the code flow (PKCE alone binds its codes).</summary>
    public string Secret { get; set; } = "";

    /// <summary>`client_credentials` (a department system, the default) or `code` (the portal: authorization code with PKCE).</summary>
    public string Flow { get; set; } = SeedFlows.ClientCredentials;

    /// <summary>Code flow: the redirect URIs a code may be sent to (exact match).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Code flow: where the browser may be sent after signing out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public static class SeedFlows
{
    public const string ClientCredentials = "client_credentials";

    public const string Code = "code";
}
