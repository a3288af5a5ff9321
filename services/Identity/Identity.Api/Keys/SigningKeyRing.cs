using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Platform.Identity.Data;

namespace Platform.Identity.Keys;

/// <summary>
/// The signing keys in memory: the one that signs, and the retired ones still published. Read from
/// the database at start, after a rotation, and every <see cref="IdentityOptions.KeyReload"/> (so a
/// rotation on one replica reaches the others). When the signing key changes, OpenIddict's options
/// are rebuilt, so the next token is signed with the new key without a restart.
/// </summary>
public sealed class SigningKeyRing(
    IServiceScopeFactory scopes, KeyProtection protection, IdentityOptions options, TimeProvider time,
    IOptionsMonitorCache<OpenIddictServerOptions> openIddictOptions, ILogger<SigningKeyRing> logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile IReadOnlyList<LoadedKey> _keys = [];

    /// <summary>The key that signs new tokens.</summary>
    public LoadedKey Signer => _keys.Count > 0 ? _keys[0] : throw new InvalidOperationException("The signing keys have not been loaded.");

    /// <summary>Every published key, the signer first.</summary>
    public IReadOnlyList<LoadedKey> Published => _keys;

    /// <summary>Reads the published keys, creating the first key on a new database.</summary>
    public async Task LoadAsync(CancellationToken cancel)
    {
        await _loading.WaitAsync(cancel);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var rows = await PublishedAsync(db, cancel);
            if (!rows.Any(r => r.RetiredAt is null))
            {
                db.SigningKeys.Add(NewKey());
                await db.SaveChangesAsync(cancel);
                rows = await PublishedAsync(db, cancel);
            }

            var previous = _keys.Count > 0 ? _keys[0].Key.KeyId : null;
            _keys = rows.Select(Load).ToList();
            if (previous != _keys[0].Key.KeyId)
            {
                // OpenIddict reads its options per request; dropping the cached ones makes it sign with the new key.
                openIddictOptions.TryRemove(Options.DefaultName);
                IdentityLog.SigningWith(logger, _keys[0].Key.KeyId, _keys[0].Algorithm);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Retires the signing key (published until its tokens expire) and signs with a new one.</summary>
    public async Task<SigningKeyRecord> RotateAsync(IdentityDbContext db, CancellationToken cancel)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var signing in await db.SigningKeys.Where(k => k.RetiredAt == null).ToListAsync(cancel))
        {
            signing.RetiredAt = now;
            signing.RetiresAt = now + options.AccessTokenLifetime + TimeSpan.FromMinutes(5);
        }

        var key = NewKey();
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancel);
        await LoadAsync(cancel);
        return key;
    }

    /// <summary>Keys that sign or are still published, the newest signing key first.</summary>
    private async Task<List<SigningKeyRecord>> PublishedAsync(IdentityDbContext db, CancellationToken cancel)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.RetiresAt == null || k.RetiresAt > now).ToListAsync(cancel);
        return rows.OrderBy(k => k.RetiredAt is null ? 0 : 1).ThenByDescending(k => k.CreatedAt).ToList();
    }

    private SigningKeyRecord NewKey()
    {
        var algorithm = options.SigningAlgorithm.Trim().ToUpperInvariant();
        byte[] pkcs8 = algorithm switch
        {
            "RS256" => ExportAndDispose(RSA.Create(2048)),
            "ES256" => ExportAndDispose(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
            _ => throw new InvalidOperationException($"{IdentityOptions.Section}:SigningAlgorithm must be RS256 or ES256, not '{options.SigningAlgorithm}'."),
        };
        return new SigningKeyRecord
        {
            KeyId = Guid.NewGuid().ToString("N"),
            Algorithm = algorithm,
            ProtectedPrivateKey = protection.Protect(pkcs8),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    private static byte[] ExportAndDispose(AsymmetricAlgorithm key)
    {
        using (key)
        {
            return key.ExportPkcs8PrivateKey();
        }
    }

    private LoadedKey Load(SigningKeyRecord row)
    {
        var pkcs8 = protection.Unprotect(row.ProtectedPrivateKey);
        AsymmetricSecurityKey key;
        if (row.Algorithm == "ES256")
        {
            var ec = ECDsa.Create();
            ec.ImportPkcs8PrivateKey(pkcs8, out _);
            key = new ECDsaSecurityKey(ec);
        }
        else
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            key = new RsaSecurityKey(rsa);
        }

        key.KeyId = row.KeyId;
        return new LoadedKey(key, row.Algorithm, row);
    }
}

/// <summary>A key ready to sign (or to be published), with its row.</summary>
public sealed record LoadedKey(AsymmetricSecurityKey Key, string Algorithm, SigningKeyRecord Row)
{
    public SigningCredentials Credentials => new(Key, Algorithm == "ES256" ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
}

/// <summary>Reads the keys again every <see cref="IdentityOptions.KeyReload"/>: rotations by other replicas, keys that retired.</summary>
public sealed class SigningKeyReload(SigningKeyRing ring, IdentityOptions options, ILogger<SigningKeyReload> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.KeyReload);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.LoadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IdentityLog.ReloadFailed(logger, ex.Message);
            }
        }
    }
}

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Signing tokens with key {KeyId} ({Algorithm})")]
    public static partial void SigningWith(ILogger logger, string keyId, string algorithm);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Could not read the signing keys again ({Reason}); the keys in memory stay in use")]
    public static partial void ReloadFailed(ILogger logger, string reason);
}
