using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Security;

/// <summary>
/// The identity provider's discovery document, signing keys (JWKS) and revoked callers, read over
/// HTTP and kept for <see cref="AuthOptions.MetadataRefresh"/>. A token signed with a key not seen
/// yet makes it read them again at once (at most every <see cref="AuthOptions.MinimumRefreshInterval"/>),
/// so a key the provider rotates in is trusted on its first token, with no restart; keys the provider
/// still publishes keep working. When a later read fails, the last keys read stay in use.
/// </summary>
public sealed class AuthorityMetadata(AuthOptions options, IHttpClientFactory http, TimeProvider time, ILogger<AuthorityMetadata> logger)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public const string DiscoveryPath = ".well-known/openid-configuration";

    /// <summary>The named HttpClient the documents are read with (tests give it an in-memory handler).</summary>
    public const string HttpClientName = "auth-metadata";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _current;
    private long _readAgainAt;
    private long _lastAskedAt = long.MinValue;

    /// <summary>The current discovery document with its keys, read first if it is due.</summary>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } fresh && !Due())
        {
            return fresh.Configuration;
        }

        await _reading.WaitAsync(cancel);
        try
        {
            var current = _current;
            if (current is not null && !Due())
            {
                return current.Configuration;
            }

            try
            {
                _current = current = await ReadAsync(cancel);
                ReadAgainAfter(options.MetadataRefresh);
            }
            catch (Exception ex) when (current is not null && ex is not OperationCanceledException)
            {
                // Tokens signed with the keys already known keep being accepted while the provider is unreachable.
                AuthLog.KeptOldKeys(logger, options.Authority, ex.Message);
                ReadAgainAfter(options.MinimumRefreshInterval);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new AuthorityUnavailableException(options.Authority, ex);
            }

            return current.Configuration;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Asks for a read on the next use, unless one was asked for within the minimum interval.</summary>
    public void RequestRefresh()
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastAskedAt);
        if (last != long.MinValue && now - last < options.MinimumRefreshInterval.Ticks)
        {
            return;
        }

        Interlocked.Exchange(ref _lastAskedAt, now);
        Interlocked.Exchange(ref _readAgainAt, now);
    }

    /// <summary>Reads the keys again first when <paramref name="keyId"/> is not among them (a rotated-in key).</summary>
    public async Task EnsureKeyAsync(string? keyId, CancellationToken cancel)
    {
        var configuration = await GetConfigurationAsync(cancel);
        if (string.IsNullOrEmpty(keyId) || configuration.SigningKeys.Any(k => k.KeyId == keyId))
        {
            return;
        }

        RequestRefresh();
        await GetConfigurationAsync(cancel);
    }

    /// <summary>When the provider disabled <paramref name="subject"/>, or null: tokens it issued before then are refused.</summary>
    public DateTimeOffset? RevokedSince(string subject) =>
        _current?.Revoked.TryGetValue(subject, out var since) == true ? since : null;

    private bool Due() => time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _readAgainAt);

    private void ReadAgainAfter(TimeSpan wait) => Interlocked.Exchange(ref _readAgainAt, time.GetUtcNow().Add(wait).UtcTicks);

    private async Task<Snapshot> ReadAsync(CancellationToken cancel)
    {
        var client = http.CreateClient(HttpClientName);
        var retriever = new HttpDocumentRetriever(client) { RequireHttps = options.RequireHttpsMetadata };
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(options.DiscoveryAddress().AbsoluteUri, retriever, cancel);
        if (configuration.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException("the provider publishes no signing keys");
        }

        var revoked = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (configuration.AdditionalData.TryGetValue(RevokedCallers.MetadataName, out var address) && address is string uri)
        {
            var list = await client.GetFromJsonAsync<RevokedCallers>(uri, cancel) ?? new RevokedCallers([]);
            foreach (var caller in list.Revoked)
            {
                revoked[caller.Subject] = caller.Since;
            }
        }

        AuthLog.ReadKeys(logger, options.Authority, configuration.SigningKeys.Count, revoked.Count);
        return new Snapshot(configuration, revoked);
    }

    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, IReadOnlyDictionary<string, DateTimeOffset> Revoked);
}

/// <summary>
/// The callers an identity provider has disabled, published beside its keys (the platform's own
/// identity service names the address in its discovery document as "pa_revoked_callers_uri"):
/// a signed token stays valid until it expires, so without this list a disabled department client
/// could go on calling for the rest of its token's life.
/// </summary>
public sealed record RevokedCallers(IReadOnlyList<RevokedCaller> Revoked)
{
    public const string MetadataName = "pa_revoked_callers_uri";
}

/// <summary>A disabled caller (the token's "sub") and when it was disabled.</summary>
public sealed record RevokedCaller(string Subject, DateTimeOffset Since);

/// <summary>The identity provider could not be read and no keys were read before: no token can be checked.</summary>
public sealed class AuthorityUnavailableException(string authority, Exception inner)
    : Exception($"The identity provider's keys could not be read from {authority} ({inner.GetBaseException().Message}); no token can be checked until it answers.", inner);

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Read {Keys} signing keys and {Revoked} revoked callers from {Authority}")]
    public static partial void ReadKeys(ILogger logger, string authority, int keys, int revoked);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "The identity provider's keys were not read at start ({Reason}); the first call reads them")]
    public static partial void NotReadAtStart(ILogger logger, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Could not read the identity provider {Authority} again ({Reason}); the keys read before stay in use")]
    public static partial void KeptOldKeys(ILogger logger, string authority, string reason);
}

/// <summary>
/// Reads the identity provider's keys when the service starts, so the first call does not wait for
/// them. A provider not answering yet is no reason to fail the start: the first call reads again.
/// </summary>
public sealed class AuthorityWarmup(AuthorityMetadata metadata, ILogger<AuthorityWarmup> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await metadata.GetConfigurationAsync(stoppingToken);
        }
        catch (AuthorityUnavailableException ex)
        {
            AuthLog.NotReadAtStart(logger, ex.Message);
        }
    }
}
