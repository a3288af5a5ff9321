using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Security;

namespace Platform.Testing;

public sealed partial class TestAuthority
{
    /// <summary>
    /// Serves this issuer's discovery document, keys and revoked callers over real HTTP on a free
    /// loopback port, for services that run as their own processes and cannot be handed the
    /// in-memory handler of <see cref="UseIn"/>. Keys rotated and callers revoked later are served too.
    /// Dispose the handle to stop serving.
    /// </summary>
    public async Task<ServedAuthority> ServeAsync(CancellationToken cancellationToken = default)
    {
        // An empty builder: no appsettings.json, environment variables or URLs of the process it runs in
        // (a benchmark's current directory holds a service's settings), only Kestrel on the port given here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var address = "";
        app.Run(context =>
        {
            string? body = context.Request.Path.Value switch
            {
                "/" + AuthorityMetadata.DiscoveryPath => Discovery(address),
                "/jwks" => Jwks(),
                "/revoked" => RevokedList(),
                _ => null,
            };
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
        });

        await app.StartAsync(cancellationToken);
        address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new ServedAuthority(this, app, address);
    }

    /// <summary>The discovery document as served at <paramref name="address"/>: its issuer is the served one, not <see cref="Issuer"/>.</summary>
    private static string Discovery(string address) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["issuer"] = address + "/",
        ["jwks_uri"] = address + "/jwks",
        [RevokedCallers.MetadataName] = address + "/revoked",
    });
}

/// <summary>
/// A <see cref="TestAuthority"/> served over HTTP (<see cref="TestAuthority.ServeAsync"/>): the settings
/// that point a service at it, and tokens that name its served issuer. Disposing it stops serving.
/// </summary>
public sealed class ServedAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal ServedAuthority(TestAuthority authority, WebApplication app, string address)
    {
        Authority = authority;
        _app = app;
        Address = address;
    }

    public TestAuthority Authority { get; }

    /// <summary>The base URL, e.g. http://127.0.0.1:41234 (Auth:Authority).</summary>
    public string Address { get; }

    /// <summary>The issuer the served discovery document names, so the one its tokens must carry.</summary>
    public string Issuer => Address + "/";

    /// <summary>Configuration keys for a service in this process (Auth:Authority, Auth:Audience, plain http allowed).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Auth:Authority"] = Address,
        ["Auth:Audience"] = TestAuthority.Audience,
        // Loopback http: the only way to serve it without a certificate the service would have to trust.
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    /// <summary>The same settings as environment variables, for a service started as its own process.</summary>
    public IReadOnlyDictionary<string, string> Environment => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>A token of <see cref="TestAuthority.Issue"/> naming the served issuer.</summary>
    public string Issue(string role, string region, string subject, string? name = null, bool personalData = false, TimeSpan? lifetime = null,
        IEnumerable<string>? scopes = null) =>
        Authority.Issue(role, region, subject, name, personalData, lifetime, scopes, issuer: Issuer);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
