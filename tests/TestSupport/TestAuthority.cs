using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Security;

namespace Platform.Testing;

/// <summary>
/// An OpenID Connect issuer for tests: it signs platform tokens with asymmetric keys (ES256 by
/// default, or RS256) and publishes the public keys as a JWKS, its disabled callers as the
/// identity service does, through an in-memory handler the service under test reads them with
/// (<see cref="UseIn"/>). The service checks test tokens exactly as it checks the identity
/// service's: discovery, JWKS, issuer, audience, signature, expiry.
/// </summary>
public sealed partial class TestAuthority
{
    public const string Address = "https://authority.test";
    public const string Audience = "pa-platform";

    private readonly object _gate = new();
    private readonly List<SecurityKey> _published = [];
    private readonly List<RevokedCaller> _revoked = [];
    private SigningCredentials _signing;

    public TestAuthority(string algorithm = SecurityAlgorithms.EcdsaSha256) => _signing = AddKey(algorithm);

    public string Issuer => Address + "/";

    /// <summary>The key id of the key that signs now.</summary>
    public string CurrentKeyId => _signing.Key.KeyId;

    /// <summary>How many times a service read the JWKS (each read of the keys reads it once).</summary>
    public int KeyReads { get; private set; }

    /// <summary>The settings that point a service at this issuer.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Authority"] = Address,
        ["Auth:Audience"] = Audience,
    };

    /// <summary>Makes the service read this issuer's documents through memory instead of the network.</summary>
    public void UseIn(IServiceCollection services) =>
        services.AddHttpClient(AuthorityMetadata.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new DocumentHandler(this));

    /// <summary>A new key, published at once and signing from now on; the old keys stay published.</summary>
    public SigningCredentials RotateKey(string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        lock (_gate)
        {
            return _signing = AddKey(algorithm);
        }
    }

    /// <summary>Stops publishing a key (the provider retired it).</summary>
    public void Unpublish(SigningCredentials credentials)
    {
        lock (_gate)
        {
            _published.RemoveAll(k => k.KeyId == credentials.Key.KeyId);
        }
    }

    /// <summary>A signing key this issuer never publishes (a forger's, or another issuer's).</summary>
    public static SigningCredentials ForeignKey(string algorithm = SecurityAlgorithms.EcdsaSha256) => NewCredentials(algorithm);

    public void Revoke(string subject, DateTimeOffset since)
    {
        lock (_gate)
        {
            _revoked.Add(new RevokedCaller(subject, since));
        }
    }

    /// <summary>A platform token; by default signed with the current key, for this issuer and audience, valid for an hour.</summary>
    public string Issue(string role, string region, string subject, string? name = null, bool personalData = false, TimeSpan? lifetime = null,
        IEnumerable<string>? scopes = null, string? issuer = null, string? audience = null, SigningCredentials? signWith = null, DateTime? issuedAt = null)
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

        var issued = issuedAt ?? DateTime.UtcNow;
        var expires = issued.Add(lifetime ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued < expires ? issued : expires.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = signWith ?? _signing,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private SigningCredentials AddKey(string algorithm)
    {
        var credentials = NewCredentials(algorithm);
        lock (_gate)
        {
            _published.Add(credentials.Key);
        }

        return credentials;
    }

    private static SigningCredentials NewCredentials(string algorithm)
    {
        SecurityKey key = algorithm.StartsWith("ES", StringComparison.Ordinal)
            ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256))
            : new RsaSecurityKey(RSA.Create(2048));
        key.KeyId = Guid.NewGuid().ToString("N");
        return new SigningCredentials(key, algorithm);
    }

    private string Discovery() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = Address + "/jwks",
        [RevokedCallers.MetadataName] = Address + "/revoked",
    });

    private string Jwks()
    {
        lock (_gate)
        {
            KeyReads++;
            return JsonSerializer.Serialize(new { keys = _published.Select(PublicJwk).ToList() });
        }
    }

    private string RevokedList()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(new RevokedCallers(_revoked.ToList()), JsonSerializerOptions.Web);
        }
    }

    /// <summary>The public half only, as a provider publishes it.</summary>
    private static Dictionary<string, string> PublicJwk(SecurityKey key) => key switch
    {
        ECDsaSecurityKey ec => ec.ECDsa.ExportParameters(false) is var p
            ? new() { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y), ["kid"] = key.KeyId, ["use"] = "sig", ["alg"] = "ES256" }
            : [],
        RsaSecurityKey rsa => rsa.Rsa.ExportParameters(false) is var p
            ? new() { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent), ["kid"] = key.KeyId, ["use"] = "sig", ["alg"] = "RS256" }
            : [],
        _ => throw new NotSupportedException(key.GetType().Name),
    };

    private sealed class DocumentHandler(TestAuthority authority) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.RequestUri?.AbsolutePath switch
            {
                "/" + AuthorityMetadata.DiscoveryPath => authority.Discovery(),
                "/jwks" => authority.Jwks(),
                "/revoked" => authority.RevokedList(),
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
