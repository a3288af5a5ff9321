using System.Net;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;
using Pa.Relocation.V1;
using Platform.LocalBroker;
using Platform.LocalPostgres;
using Platform.LocalServers;
using Xunit.Abstractions;

namespace Platform.Standalone.Tests;

/// <summary>
/// The deployment the README describes, without the AppHost: the identity service and the
/// relocation service published, started with environment variables only against a RabbitMQ
/// broker and PostgreSQL, and a department system that gets its token with a plain OAuth 2.0
/// client-credentials request and calls the service with it.
/// </summary>
public sealed class RelocationRunsOnItsOwnTests(ITestOutputHelper output)
{
    private const string County = "341522000000";
    private const string OtherCounty = "341523000000";
    private const string ClientId = "housing-dept";
    private const string ClientSecret = "a-secret-of-the-housing-department";

    [Fact]
    public async Task Published_relocation_accepts_a_client_credentials_token_from_the_published_identity_service()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"pa-standalone-{Guid.NewGuid():N}")).FullName;
        var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(folder, "broker"), "pa-standalone"));
        // A cluster of the test's own in its folder (not the process-wide ThrowawayCluster), so that
        // it is stopped and its files removed when the test ends, not at the test host's exit.
        var postgres = new PostgresProcess(new PostgresCluster(Path.Combine(folder, "postgres"), Loopback.FreePort()));
        // Publishing (mostly disk) and the servers' starts overlap.
        var publishIdentity = PublishedService.PublishAsync("identity", "Identity");
        var publishRelocation = PublishedService.PublishAsync("relocation", "Relocation");
        var brokerStarted = broker.StartAsync(TimeSpan.FromSeconds(90));
        var postgresStarted = postgres.StartAsync(TimeSpan.FromSeconds(90), PostgresProcess.Disposable);
        var started = Task.WhenAll(publishIdentity, publishRelocation, brokerStarted, postgresStarted);
        PublishedService? identity = null;
        PublishedService? relocation = null;
        try
        {
            await started;
            (identity, relocation) = (await publishIdentity, await publishRelocation);
            await postgres.Cluster.EnsureDatabaseAsync("identity");
            await postgres.Cluster.EnsureDatabaseAsync("relocation");
            var (identityDb, relocationDb) = (postgres.Cluster.ConnectionString("identity"), postgres.Cluster.ConnectionString("relocation"));
            output.WriteLine($"{clock.Elapsed}: published both services, broker and PostgreSQL running");

            var (issuer, identityGrpc) = (LoopbackUrl(), LoopbackUrl());
            await identity.StartAsync("Platform.Identity.Api.dll", new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Kestrel__Endpoints__http__Url"] = identityGrpc.ToString(),
                ["Kestrel__Endpoints__oidc__Url"] = issuer.ToString(),
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__identity-db"] = identityDb,
                ["Identity__KeyProtectionKey"] = NewKey(),
                ["Identity__Seed__Clients__0__ClientId"] = ClientId,
                ["Identity__Seed__Clients__0__DisplayName"] = "County housing department",
                ["Identity__Seed__Clients__0__Region"] = County,
                ["Identity__Seed__Clients__0__Scopes"] = "department:housing",
                ["Identity__Seed__Clients__0__Secret"] = ClientSecret,
                // Its own management API trusts its own tokens.
                ["Auth__Authority"] = issuer.ToString(),
                ["Auth__RequireHttpsMetadata"] = "false",
            }, identityGrpc);

            output.WriteLine($"{clock.Elapsed}: identity serving");
            var (relocationGrpc, relocationJson) = (LoopbackUrl(), LoopbackUrl());
            await relocation.StartAsync("Platform.Relocation.Api.dll", new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                // Both endpoints are named in its appsettings.json (which overrides ASPNETCORE_URLS): gRPC and HTTP/JSON.
                ["Kestrel__Endpoints__http__Url"] = relocationGrpc.ToString(),
                ["Kestrel__Endpoints__json__Url"] = relocationJson.ToString(),
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__relocation-db"] = relocationDb,
                ["ConnectionStrings__broker"] = broker.Node.ConnectionString,
                ["Auth__Authority"] = issuer.ToString(),
                ["Auth__Audience"] = "pa-platform",
                ["Auth__RequireHttpsMetadata"] = "false",
                // No PersonalData keys and no DataDir: relocation keeps no national ID and no SQLite file.
            }, relocationGrpc);

            output.WriteLine($"{clock.Elapsed}: relocation serving");
            var token = await ClientCredentialsTokenAsync(issuer);
            using var channel = GrpcChannel.ForAddress(relocationGrpc);
            var sites = new SiteService.SiteServiceClient(channel);
            var bearer = new Metadata { { "authorization", $"Bearer {token}" } };

            // The client's own county: answered, and empty (no site was created).
            var listed = await sites.ListSitesAsync(new ListSitesRequest(), bearer);
            Assert.Empty(listed.Sites);

            // The token's region claim is what the service scopes by: the next county is not the client's.
            var elsewhere = await Assert.ThrowsAsync<RpcException>(() => sites.ListSitesAsync(new ListSitesRequest { RegionCode = OtherCounty }, bearer).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, elsewhere.StatusCode);

            var anonymous = await Assert.ThrowsAsync<RpcException>(() => sites.ListSitesAsync(new ListSitesRequest()).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            output.WriteLine($"{clock.Elapsed}: token, calls and refusals as expected");

            // A department system without gRPC: plain HTTP/1.1 and JSON on the json endpoint, the same token and scope.
            using var http = new HttpClient { BaseAddress = relocationJson, DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/relocation/sites");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var json = await http.SendAsync(request);
            Assert.Equal((HttpStatusCode.OK, HttpVersion.Version11), (json.StatusCode, json.Version));
            Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.ValueKind);
            using var withoutToken = await http.GetAsync(new Uri("v1/relocation/sites", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
            output.WriteLine($"{clock.Elapsed}: HTTP/1.1 JSON endpoint answers");
        }
        catch
        {
            // The services' and the broker's own words on what went wrong, for the CI log.
            output.WriteLine($"{clock.Elapsed}: failed; the broker is {(broker.IsRunning ? "running" : "not running")}");
            output.WriteLine($"--- broker output ---\n{broker.RecentOutput}");
            foreach (var service in new[] { identity, relocation })
            {
                if (service is not null)
                {
                    output.WriteLine($"--- {service.Name} output ---\n{service.Output}");
                }
            }

            throw;
        }
        finally
        {
            // Whatever started, even when a sibling step failed first, is stopped and removed.
            await Task.WhenAny(started);
            foreach (var publish in new[] { publishRelocation, publishIdentity })
            {
                if (publish.IsCompletedSuccessfully)
                {
                    await (await publish).DisposeAsync();
                }
            }

            await broker.DisposeAsync();
            postgres.Shutdown();
            TryDelete(folder);
        }
    }

    /// <summary>A standard OAuth 2.0 client-credentials request (RFC 6749 §4.4), as any department's system would send it.</summary>
    private static async Task<string> ClientCredentialsTokenAsync(Uri issuer)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(issuer, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint answered {(int)response.StatusCode}: {body}");
        var token = System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!;
        Assert.Equal("bearer", token.TokenType?.ToLowerInvariant());
        Assert.False(string.IsNullOrEmpty(token.AccessToken), body);
        return token.AccessToken!;
    }

    private static Uri LoopbackUrl() => new($"http://127.0.0.1:{Loopback.FreePort()}");

    private static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS later.
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("token_type")] string? TokenType);
}
