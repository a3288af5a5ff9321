using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Platform.Security;
using Platform.Testing;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// How a service keeps the identity provider's keys: read once, read again when due or when a token
/// names a key not seen yet (at most once per interval), and kept when the provider stops answering.
/// </summary>
public sealed class AuthorityMetadataTests
{
    private readonly TestAuthority _authority = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private bool _reachable = true;

    [Fact]
    public async Task The_keys_are_read_once_and_again_only_when_due()
    {
        var metadata = Metadata();

        var first = await metadata.GetConfigurationAsync(default);
        await metadata.GetConfigurationAsync(default);
        Assert.Equal((1, 1), (_authority.KeyReads, first.SigningKeys.Count));

        _time.Advance(TimeSpan.FromMinutes(5));
        await metadata.GetConfigurationAsync(default);
        Assert.Equal(2, _authority.KeyReads);
    }

    [Fact]
    public async Task An_unknown_key_id_reads_the_keys_at_once_but_not_twice_within_the_interval()
    {
        var metadata = Metadata();
        await metadata.GetConfigurationAsync(default);

        var rotated = _authority.RotateKey();
        await metadata.EnsureKeyAsync(rotated.Key.KeyId, default);
        Assert.Equal(2, _authority.KeyReads);
        Assert.Contains((await metadata.GetConfigurationAsync(default)).SigningKeys, k => k.KeyId == rotated.Key.KeyId);

        await metadata.EnsureKeyAsync("forged-1", default);
        await metadata.EnsureKeyAsync("forged-2", default);
        Assert.Equal(2, _authority.KeyReads);

        _time.Advance(TimeSpan.FromSeconds(10));
        await metadata.EnsureKeyAsync("forged-3", default);
        Assert.Equal(3, _authority.KeyReads);
    }

    [Fact]
    public async Task When_the_provider_stops_answering_the_keys_read_before_stay_in_use()
    {
        var metadata = Metadata();
        var read = await metadata.GetConfigurationAsync(default);

        _reachable = false;
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Same(read, await metadata.GetConfigurationAsync(default));
    }

    [Fact]
    public async Task A_provider_never_read_makes_every_check_unavailable_with_its_address()
    {
        _reachable = false;

        var error = await Assert.ThrowsAsync<AuthorityUnavailableException>(() => Metadata().GetConfigurationAsync(default));

        Assert.Contains(TestAuthority.Address, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_the_provider_disabled_is_known_with_when()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        _authority.Revoke("water-department", since);
        var metadata = Metadata();

        await metadata.GetConfigurationAsync(default);

        Assert.Equal(since, metadata.RevokedSince("water-department"));
        Assert.Null(metadata.RevokedSince("health-department"));
    }

    [Theory]
    [InlineData("", true, "must be the absolute http(s) URL")]
    [InlineData("identity.local", true, "must be the absolute http(s) URL")]
    [InlineData("http://identity.local", true, "must come over https")]
    public void An_authority_that_cannot_be_used_stops_the_start_with_the_reason(string authority, bool requireHttps, string reason)
    {
        var options = new AuthOptions { Authority = authority, RequireHttpsMetadata = requireHttps };

        var error = Assert.Throws<InvalidOperationException>(() => options.DiscoveryAddress());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_authority_over_http_is_allowed_when_said_so()
    {
        var options = new AuthOptions { Authority = "http://localhost:5100/", RequireHttpsMetadata = false };

        Assert.Equal("http://localhost:5100/.well-known/openid-configuration", options.DiscoveryAddress().AbsoluteUri);
    }

    private AuthorityMetadata Metadata()
    {
        var services = new ServiceCollection();
        _authority.UseIn(services);
        services.AddHttpClient(AuthorityMetadata.HttpClientName).AddHttpMessageHandler(() => new Switch(() => _reachable));
        var http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = new AuthOptions { Authority = TestAuthority.Address };
        return new AuthorityMetadata(options, http, _time, NullLogger<AuthorityMetadata>.Instance);
    }

    /// <summary>Fails every request while the provider is "down".</summary>
    private sealed class Switch(Func<bool> reachable) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            reachable() ? base.SendAsync(request, cancellationToken) : throw new HttpRequestException("connection refused");
    }
}
