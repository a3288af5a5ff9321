using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Platform.Security;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Identity.Keys;

/// <summary>OpenIddict signs with the ring's signing key; the options are rebuilt when it changes (<see cref="SigningKeyRing"/>).</summary>
public sealed class SignWithRingKey(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options) => options.SigningCredentials.Add(ring.Signer.Credentials);
}

/// <summary>
/// The JWKS publishes the retired keys too, until every token they signed has expired: a service
/// that reads the keys after a rotation still accepts the tokens of the old key.
/// </summary>
public sealed class PublishRetiredKeys(SigningKeyRing ring) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<PublishRetiredKeys>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        foreach (var key in ring.Published.Skip(1))
        {
            var jwk = key.Key switch
            {
                RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.Rsa.ExportParameters(false)) { KeyId = rsa.KeyId }),
                ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(ec.ECDsa.ExportParameters(false))) { KeyId = ec.KeyId }),
                _ => null,
            };
            if (jwk is not null)
            {
                jwk.Use = "sig";
                jwk.Alg = key.Credentials.Algorithm;
                context.Keys.Add(jwk);
            }
        }

        return default;
    }
}

/// <summary>The discovery document names where the disabled callers are listed (<see cref="RevokedCallers"/>).</summary>
public sealed class AdvertiseRevokedCallers : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseRevokedCallers>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata[RevokedCallers.MetadataName] = new Uri(context.BaseUri!, Tokens.RevokedEndpoint.Path).AbsoluteUri;
        return default;
    }
}
