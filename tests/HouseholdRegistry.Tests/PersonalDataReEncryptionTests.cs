using System.Security.Cryptography;
using System.Text;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.KeyRotation;
using Platform.HouseholdRegistry.Tests.Screening;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Messaging;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// After a key rotation, the registry's personal data written with the old key moves to the new one in
/// batches that commit their position, so a restarted job resumes where it stopped; the values read the same.
/// </summary>
public sealed class PersonalDataReEncryptionTests
{
    private static readonly string OldKey = DevSecrets.NewKey();
    private static readonly string NewKey = DevSecrets.NewKey();
    private static readonly string NewerKey = DevSecrets.NewKey();
    private static readonly EncryptedColumn MemberIds = EncryptedColumns.MemberNationalIds;

    /// <summary>The first step of a rotation: the new key k1 is in the ring; the old key (k0) still encrypts.</summary>
    private static RegistryFactory BeforeRotation() => RegistryFactory.With(new Dictionary<string, string>
    {
        ["PersonalData:EncryptionKey"] = OldKey,
        ["PersonalData:EncryptionKeys:k1"] = NewKey,
    });

    private static PersonalDataProtector Protector(RegistryFactory registry, string activeKeyId) => new(Options.Create(new PersonalDataOptions
    {
        EncryptionKey = OldKey,
        EncryptionKeys = { ["k1"] = NewKey, ["k2"] = NewerKey },
        ActiveKeyId = activeKeyId,
        LookupKey = registry.LookupKey,
    }));

    /// <summary>The job as a replica would run it after a restart: nothing in memory, only what the database kept.</summary>
    private static PersonalDataReEncryption Job(RegistryFactory registry, string activeKeyId, int batchSize) => new(
        registry.Services.GetRequiredService<IServiceScopeFactory>(),
        registry.Services.GetRequiredService<LeasedWork<RegistryDbContext>>(),
        Protector(registry, activeKeyId),
        Options.Create(new ReEncryptionOptions { BatchSize = batchSize }),
        NullLogger<PersonalDataReEncryption>.Instance);

    /// <summary>The members' ciphertexts in primary-key order, the order the job walks them.</summary>
    private static Task<List<string>> CiphersAsync(RegistryFactory registry) =>
        registry.QueryAsync(db => db.Members.OrderBy(m => m.Id).Select(m => m.NationalIdCipher).ToListAsync());

    /// <summary>Two households (six members) filed before the rotation; one member's number in the format from before key ids.</summary>
    private static async Task<List<string>> FileAsync(RegistryFactory registry)
    {
        var requests = new[] { Applications.Household(Seeded.Qilipeng), Applications.Household(Seeded.Qilipeng) };
        foreach (var request in requests)
        {
            await registry.ApplyAsync(request);
        }

        var head = requests[0].Members[0].NationalId;
        var hash = registry.Services.GetRequiredService<PersonalDataProtector>().LookupHash(head);
        var legacy = LegacyEncrypt(OldKey, head);
        await registry.QueryAsync(db => db.Members.Where(m => m.NationalIdHash == hash).ExecuteUpdateAsync(s => s.SetProperty(m => m.NationalIdCipher, legacy)));
        return requests.SelectMany(r => r.Members).Select(m => m.NationalId).Order().ToList();
    }

    /// <summary>What the protector wrote before ciphertexts carried a key id.</summary>
    private static string LegacyEncrypt(string base64Key, string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + plainBytes.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(base64Key), 16);
        aes.Encrypt(output.AsSpan(0, 12), plainBytes, output.AsSpan(12 + 16), output.AsSpan(12, 16));
        return Convert.ToBase64String(output);
    }

    private static async Task<List<string>> NationalIdsAsync(HouseholdService.HouseholdServiceClient households, RegistryFactory registry)
    {
        var listed = await households.ListHouseholdsAsync(new ListHouseholdsRequest(), registry.CountyOfficer(Seeded.Huoqiu, personalData: true));
        return listed.Households.SelectMany(h => h.Members).Select(m => m.NationalId).Order().ToList();
    }

    [Fact]
    public async Task Batches_resume_from_the_saved_position_until_every_member_uses_the_new_key()
    {
        await using var registry = BeforeRotation();
        var ids = await FileAsync(registry);
        var before = await CiphersAsync(registry);
        Assert.Equal(6, before.Count);
        Assert.Equal(5, before.Count(c => c.StartsWith("k0:", StringComparison.Ordinal)));
        Assert.Single(before, c => !c.Contains(':', StringComparison.Ordinal));

        Assert.True(await Job(registry, "k1", batchSize: 2).RunBatchAsync(MemberIds, CancellationToken.None));
        var afterOne = await CiphersAsync(registry);
        registry.Queries.Clear();
        // A new job, as after a restart, continues with the third member rather than the first.
        Assert.True(await Job(registry, "k1", batchSize: 2).RunBatchAsync(MemberIds, CancellationToken.None));
        // A batch after the first seeks to its position on the key rather than reading the members from the start.
        await QueryPlans.AssertNoScansAsync(registry.Database, registry.Queries, atLeast: 2, "ReEncryptionProgress");
        var afterTwo = await CiphersAsync(registry);
        await Job(registry, "k1", batchSize: 2).RunAsync(CancellationToken.None);
        var done = await CiphersAsync(registry);

        Assert.Equal(new[] { true, true, false, false, false, false }, afterOne.Select(c => c.StartsWith("k1:", StringComparison.Ordinal)).ToArray());
        Assert.Equal(new[] { true, true, true, true, false, false }, afterTwo.Select(c => c.StartsWith("k1:", StringComparison.Ordinal)).ToArray());
        Assert.Equal(afterOne.Take(2), afterTwo.Take(2));
        Assert.All(done, c => Assert.StartsWith("k1:", c, StringComparison.Ordinal));
        var progress = await registry.QueryAsync(db => db.ReEncryptions.SingleAsync(p => p.Name == MemberIds.Name));
        Assert.True(progress.Done);
        Assert.Equal(("k1", 6L), (progress.KeyId, progress.Moved));
        Assert.Equal(ids, done.Select(Protector(registry, "k1").Decrypt).Order().ToList());
        // The running service (old key active, new key in its ring) still reads every number.
        Assert.Equal(ids, await NationalIdsAsync(registry.Households, registry));
    }

    [Fact]
    public async Task A_finished_pass_changes_nothing_and_a_newer_active_key_starts_a_new_one()
    {
        await using var registry = BeforeRotation();
        var ids = await FileAsync(registry);
        await Job(registry, "k1", batchSize: 4).RunAsync(CancellationToken.None);
        var moved = await CiphersAsync(registry);

        Assert.False(await Job(registry, "k1", batchSize: 4).RunBatchAsync(MemberIds, CancellationToken.None));
        Assert.Equal(moved, await CiphersAsync(registry));

        await Job(registry, "k2", batchSize: 4).RunAsync(CancellationToken.None);
        var again = await CiphersAsync(registry);
        Assert.All(again, c => Assert.StartsWith("k2:", c, StringComparison.Ordinal));
        Assert.Equal(ids, again.Select(Protector(registry, "k2").Decrypt).Order().ToList());
    }

    [Fact]
    public async Task A_service_with_the_job_turned_on_moves_the_members_at_start()
    {
        await using var registry = BeforeRotation();
        var ids = await FileAsync(registry);
        Assert.DoesNotContain(await CiphersAsync(registry), c => c.StartsWith("k1:", StringComparison.Ordinal));

        // The next deployment: k1 active and the job on, on the same database.
        await using var rotated = registry.WithWebHostBuilder(web =>
        {
            web.UseSetting("PersonalData:ActiveKeyId", "k1");
            web.UseSetting("Registry:ReEncryption:Enabled", "true");
            web.UseSetting("Registry:ReEncryption:BatchSize", "4");
        });
        var households = new HouseholdService.HouseholdServiceClient(
            GrpcChannel.ForAddress(rotated.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = rotated.Server.CreateHandler() }));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await CiphersAsync(registry)).Any(c => !c.StartsWith("k1:", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.All(await CiphersAsync(registry), c => Assert.StartsWith("k1:", c, StringComparison.Ordinal));
        Assert.Equal(ids, await NationalIdsAsync(households, registry));
    }

    [Fact]
    public async Task Helpers_phones_and_roll_heads_move_too_so_the_old_key_can_leave_the_ring()
    {
        await using var registry = BeforeRotation();
        var ids = await FileAsync(registry);
        await registry.RegisterHelperAsync(Seeded.Changji, phone: "13900001111");
        var head = ScreeningKit.NewNationalId();
        await registry.ImportAsync(registry.CountyOfficer(Seeded.Huoqiu), ScreeningKit.Header(Guid.NewGuid().ToString("N"), registry.Today.AddDays(-10)), ScreeningKit.Row(head, 3000));

        await Job(registry, "k1", batchSize: 4).RunAsync(CancellationToken.None);

        var withoutOldKey = new PersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            EncryptionKeys = { ["k1"] = NewKey },
            ActiveKeyId = "k1",
            LookupKey = registry.LookupKey,
        }));
        var phones = await registry.QueryAsync(db => db.Helpers.Select(h => h.PhoneCipher).ToListAsync());
        var heads = await registry.QueryAsync(db => db.AssistanceRollEntries.Select(e => e.HeadNationalIdCipher).ToListAsync());
        Assert.Equal(ids, (await CiphersAsync(registry)).Select(withoutOldKey.Decrypt).Order().ToList());
        Assert.Equal(["13900001111"], phones.Select(withoutOldKey.Decrypt));
        Assert.Equal([head], heads.Select(withoutOldKey.Decrypt));
        var passes = await registry.QueryAsync(db => db.ReEncryptions.OrderBy(p => p.Name).ToListAsync());
        Assert.Equal(EncryptedColumns.All.Select(c => c.Name).Order(), passes.Select(p => p.Name));
        Assert.All(passes, p => Assert.Equal(("k1", true), (p.KeyId, p.Done)));
    }
}
