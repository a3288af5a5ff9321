using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Pa.Identity.V1;
using Platform.Security;

namespace Platform.Identity.Tests;

/// <summary>
/// The identity service in memory on its own SQLite file, with a seeded operator, county officer,
/// water department and portal (a public client of the code flow). It checks the tokens of its own gRPC contract against its own discovery
/// document and keys, read through the in-memory server as any service reads them over HTTP; keys
/// and revoked callers are read again on every call, so a change shows at once.
/// </summary>
// Named by a type of its assembly, not Program: a test project that also holds `pa` has two Programs.
public sealed class IdentityFactory : WebApplicationFactory<IdentityOptions>
{
    public const string OperatorPassword = "operator-password-1";
    public const string OfficerPassword = "officer-password-1";
    public const string WaterSecret = "water-secret-0123456789";
    public const string County = "341522000000";
    public const string PortalRedirectUri = "https://portal.test/signin-oidc";
    public const string PortalSignedOutUri = "https://portal.test/signed-out";

    private readonly string _database;
    private readonly bool _ownsDatabase;
    private readonly Lazy<GrpcChannel> _channel;
    private readonly string _keyProtectionKey;
    private readonly TaskCompletionSource<TestServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IdentityFactory()
        : this(Path.Combine(Path.GetTempPath(), $"pa-identity-{Guid.NewGuid():N}.db"), DevSecrets.NewKey(), ownsDatabase: true)
    {
    }

    private IdentityFactory(string database, string keyProtectionKey, bool ownsDatabase)
    {
        (_database, _keyProtectionKey, _ownsDatabase) = (database, keyProtectionKey, ownsDatabase);
        _channel = new(() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));
    }

    /// <summary>A second replica: another service on the same database with the same protection key (start this one first).</summary>
    public IdentityFactory Replica() => new(_database, _keyProtectionKey, ownsDatabase: false);

    public IdentityService.IdentityServiceClient Management => new(_channel.Value);

    /// <summary>A call with <paramref name="token"/> and a purpose, as operators call.</summary>
    public static CallOptions With(string token) =>
        new(new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "identity tests" } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>The standard token request (application/x-www-form-urlencoded); the reply as JSON.</summary>
    public async Task<(int Status, JsonElement Body)> RequestTokenAsync(params (string Name, string Value)[] form)
    {
        using var http = CreateClient();
        using var reply = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        return ((int)reply.StatusCode, await reply.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>An access token, failing the test when none is issued.</summary>
    public async Task<string> TokenAsync(params (string Name, string Value)[] form)
    {
        var (status, body) = await RequestTokenAsync(form);
        Assert.True(status == 200, $"token request answered {status}: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public Task<string> OperatorTokenAsync() => TokenAsync(("grant_type", "password"), ("username", "operator"), ("password", OperatorPassword));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:identity-db"] = $"Data Source={_database}",
            ["Identity:KeyProtectionKey"] = _keyProtectionKey,
            ["Auth:Authority"] = "http://localhost",
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:MetadataRefresh"] = "00:00:00",
            ["Identity:Seed:Officers:0:UserName"] = "operator",
            ["Identity:Seed:Officers:0:Role"] = PlatformRoles.Operator,
            ["Identity:Seed:Officers:0:Region"] = "340000000000",
            ["Identity:Seed:Officers:0:Password"] = OperatorPassword,
            ["Identity:Seed:Officers:1:UserName"] = "county-officer",
            ["Identity:Seed:Officers:1:DisplayName"] = "示范县干部",
            ["Identity:Seed:Officers:1:Role"] = PlatformRoles.CountyOfficer,
            ["Identity:Seed:Officers:1:Region"] = County,
            ["Identity:Seed:Officers:1:Scopes"] = PlatformClaims.PersonalDataScope,
            ["Identity:Seed:Officers:1:Password"] = OfficerPassword,
            ["Identity:Seed:Clients:0:ClientId"] = "water-department",
            ["Identity:Seed:Clients:0:Region"] = County,
            ["Identity:Seed:Clients:0:Scopes"] = "department:water",
            ["Identity:Seed:Clients:0:Secret"] = WaterSecret,
            ["Identity:Seed:Clients:1:ClientId"] = "portal",
            ["Identity:Seed:Clients:1:Flow"] = "code",
            ["Identity:Seed:Clients:1:RedirectUris:0"] = PortalRedirectUri,
            ["Identity:Seed:Clients:1:PostLogoutRedirectUris:0"] = PortalSignedOutUri,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // The service reads its own discovery document and keys through the in-memory server, once it has started.
        builder.ConfigureServices(services =>
            services.AddHttpClient(AuthorityMetadata.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new WhenStarted(_started.Task)));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _started.TrySetResult(host.GetTestServer());
        return host;
    }

    /// <summary>
    /// Sends through the test server once it exists. The service reads its keys as it starts; asking the
    /// factory for its server then would start a second service (with other keys) on the same database.
    /// </summary>
    private sealed class WhenStarted(Task<TestServer> server) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var invoker = new HttpMessageInvoker((await server).CreateHandler());
            return await invoker.SendAsync(request, cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
