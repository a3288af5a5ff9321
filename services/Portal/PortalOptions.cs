namespace Platform.Portal;

/// <summary>The portal's settings ("Portal" section): where the identity service and the four services are.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The identity service's OpenID Connect address (the issuer); Auth:Authority when not given.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The portal's client at the identity service: a public client of the code flow with PKCE.</summary>
    public string ClientId { get; set; } = "portal";

    /// <summary>False only for a local run whose identity service speaks plain HTTP on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The four services' gRPC (h2c) addresses.</summary>
    public ServiceAddresses Services { get; set; } = new();

    /// <summary>
    /// Where the keys that protect the sign-in cookie are kept. Replicas behind one address must share
    /// this folder (or the officer is asked to sign in again on another replica). Empty: DataDir/portal-keys.
    /// </summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>AES-256 key (base64) that encrypts the cookie keys in <see cref="KeysDirectory"/>; from the secret store.</summary>
    public string KeyProtectionKey { get; set; } = "";

    /// <summary>How long one service call may take before the page says the service did not answer.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

public sealed class ServiceAddresses
{
    public string Registry { get; set; } = "";

    public string Assistance { get; set; } = "";

    public string Employment { get; set; } = "";

    public string Relocation { get; set; } = "";
}
