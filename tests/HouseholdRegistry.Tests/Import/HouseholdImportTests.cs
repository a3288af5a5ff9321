using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Import;

/// <summary>Migration of registered households over a client stream: good ones written, bad ones reported, batches idempotent.</summary>
public sealed class HouseholdImportTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Good_households_are_imported_and_bad_ones_reported_by_position_and_reason()
    {
        var badCheck = Imports.Registered(Seeded.Qilipeng);
        var id = badCheck.Application.Members[1].NationalId;
        badCheck.Application.Members[1].NationalId = id[..17] + (id[17] == '0' ? '1' : '0');
        var noStatus = Imports.Registered(Seeded.Donghu);
        noStatus.Status = HouseholdStatus.Unspecified;

        var result = await registry.ImportAsync("small-1",
            Imports.Registered(Seeded.Qilipeng), badCheck, Imports.Registered(Seeded.Hekou), noStatus, Imports.Exited(Seeded.Donghu));

        Assert.Equal(5, result.Received);
        Assert.Equal(3, result.Imported);
        Assert.Equal(2, result.Bad);
        Assert.False(result.Replayed);
        Assert.Equal(new long[] { 1, 3 }, result.BadHouseholds.Select(b => b.Position));
        Assert.Equal("application.members[1].national_id", Assert.Single(result.BadHouseholds[0].Violations).Field);
        Assert.Equal("status", Assert.Single(result.BadHouseholds[1].Violations).Field);
        Assert.All(result.BadHouseholds.SelectMany(b => b.Violations), v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }

    [Fact]
    public async Task An_imported_household_reads_back_with_its_history_and_masked_ids()
    {
        var exited = Imports.Exited(Seeded.Qilipeng);
        await registry.ImportAsync("read-back", exited);
        var id = await HouseholdIdAsync("read-back", 0);

        var household = (await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, registry.CountyOfficer(Seeded.Huoqiu))).Household;

        Assert.Equal(HouseholdStatus.Exited, household.Status);
        Assert.Equal(Imports.RegisteredAt, household.RegisteredAt.ToDateTime());
        Assert.Equal(exited.ExitedAt, household.ExitedAt);
        Assert.Equal(new Pa.Common.V1.Date { Year = 2024, Month = 12, Day = 20 }, household.SupportUntil);
        Assert.Equal(5_100_00, household.CurrentIncomePerCapita.Fen);
        Assert.Equal(2019, household.CurrentIncomeYear);
        Assert.Equal(exited.Application.Members.Select(m => NationalId.Mask(m.NationalId)), household.Members.Select(m => m.NationalId));
        Assert.Equal(exited.Application.Members.Select(m => m.Name), household.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task A_person_twice_in_the_batch_or_already_in_an_application_is_a_bad_household()
    {
        var applied = await registry.ApplyAsync(Applications.Household(Seeded.ChangjiVillage), personalData: true);
        var first = Imports.Registered(Seeded.Qilipeng);
        var sameHead = Imports.Registered(Seeded.Qilipeng);
        sameHead.Application.Members[0] = first.Application.Members[0].Clone();
        var alreadyApplied = Imports.Registered(Seeded.Qilipeng);
        alreadyApplied.Application.Members[2].NationalId = applied.Members[2].NationalId;
        alreadyApplied.Application.Members[2].BirthDate = applied.Members[2].BirthDate;

        var result = await registry.ImportAsync("duplicates", first, sameHead, alreadyApplied);

        Assert.Equal(1, result.Imported);
        Assert.Equal(new[] { (1L, "application.members[0].national_id"), (2L, "application.members[2].national_id") },
            result.BadHouseholds.Select(b => (b.Position, Assert.Single(b.Violations).Field)));
    }

    [Fact]
    public async Task A_person_in_an_earlier_chunk_of_the_batch_is_found_too()
    {
        var households = Enumerable.Range(0, 2_001).Select(_ => Imports.Registered(Seeded.Hekou)).ToList();
        households[2_000].Application.Members[1] = households[0].Application.Members[1].Clone();

        var result = await registry.ImportAsync("across-chunks", [.. households]);

        Assert.Equal(2_000, result.Imported);
        var bad = Assert.Single(result.BadHouseholds);
        Assert.Equal(2_000, bad.Position);
        Assert.Equal("application.members[1].national_id", Assert.Single(bad.Violations).Field);
    }

    [Fact]
    public async Task A_resent_finished_batch_changes_nothing_and_answers_the_stored_result()
    {
        var households = new[] { Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.Hekou) };
        households[1].Status = HouseholdStatus.Applied;
        var first = await registry.ImportAsync("resent", households);
        var rows = await registry.CountRowsAsync();
        var audit = await ImportAuditCountAsync("resent");

        var again = await registry.ImportAsync("resent", households);

        Assert.True(again.Replayed);
        Assert.Equal(first.Imported, again.Imported);
        Assert.Equal(first.BadHouseholds, again.BadHouseholds);
        Assert.Equal(rows, await registry.CountRowsAsync());
        Assert.Equal(audit, await ImportAuditCountAsync("resent"));
    }

    [Fact]
    public async Task An_interrupted_batch_sent_again_continues_without_duplicates()
    {
        var households = Enumerable.Range(0, 2_001).Select(_ => Imports.Registered(Seeded.Hekou)).ToList();
        var broken = Imports.Upload("interrupted", households.Take(2_000)).Append(Imports.Header("interrupted")).Append(Imports.Message(households[2_000]));

        await registry.ImportFailsAsync(StatusCode.InvalidArgument, registry.CountyOfficer(Seeded.Huoqiu), broken);
        Assert.Equal(2_000, await BatchHouseholdsAsync("interrupted"));

        var resumed = await registry.ImportAsync(registry.CountyOfficer(Seeded.Huoqiu), Imports.Upload("interrupted", households));

        Assert.Equal(2_000, resumed.AlreadyImported);
        Assert.Equal(1, resumed.Imported);
        Assert.Equal(0, resumed.Bad);
        Assert.Equal(2_001, await BatchHouseholdsAsync("interrupted"));
        Assert.Equal(2_001 * 3, await registry.QueryAsync(db => db.Members.CountAsync(m => db.Households.Any(h => h.ImportBatchId == "interrupted" && h.Seq == m.HouseholdSeq))));
    }

    [Theory]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Changji)]
    [InlineData(PlatformRoles.Operator, Seeded.Anhui)]
    [InlineData(PlatformRoles.Auditor, Seeded.Anhui)]
    [InlineData(PlatformRoles.DepartmentClient, Seeded.Anhui)]
    public async Task Other_roles_may_not_import(string role, string region)
    {
        var rows = await registry.CountRowsAsync();

        await registry.ImportFailsAsync(StatusCode.PermissionDenied, registry.As(role, region), Imports.Upload("role-" + role, [Imports.Registered(Seeded.Qilipeng)]));

        Assert.Equal(rows, await registry.CountRowsAsync());
    }

    [Fact]
    public async Task A_provincial_officer_imports_the_whole_province()
    {
        var result = await registry.ImportAsync(registry.As(PlatformRoles.ProvincialOfficer, Seeded.Anhui),
            Imports.Upload("province", [Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.Donghu)]));

        Assert.Equal(2, result.Imported);
    }

    [Fact]
    public async Task Households_outside_the_callers_region_or_in_unknown_villages_are_bad_rows()
    {
        var result = await registry.ImportAsync("scope",
            Imports.Registered(Seeded.Xincun), Imports.Registered(Seeded.Qilipeng), Imports.Registered("341522104299"));

        Assert.Equal(1, result.Imported);
        Assert.Equal(new[] { (0L, "application.region_code"), (2L, "application.region_code") },
            result.BadHouseholds.Select(b => (b.Position, Assert.Single(b.Violations).Field)));
        Assert.Equal(0, await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode == Seeded.Xincun && h.ImportBatchId == "scope")));
    }

    [Fact]
    public async Task Each_imported_household_raises_household_registered_and_an_exited_one_also_household_exited()
    {
        var registered = Imports.Registered(Seeded.Qilipeng);
        var exited = Imports.Exited(Seeded.Donghu);
        await registry.ImportAsync("events", registered, exited);
        var registeredId = await HouseholdIdAsync("events", 0);
        var exitedId = await HouseholdIdAsync("events", 1);

        var rows = await registry.QueryAsync(db => db.OutboxMessages.Where(m => m.AggregateKey == registeredId || m.AggregateKey == exitedId).OrderBy(m => m.Id).ToListAsync());

        Assert.Equal(new[] { (registeredId, nameof(HouseholdRegistered)), (exitedId, nameof(HouseholdRegistered)), (exitedId, nameof(HouseholdExited)) },
            rows.Select(r => (r.AggregateKey, r.MessageType.Split(',')[0].Split('.')[^1])));
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var event0 = JsonSerializer.Deserialize<HouseholdRegistered>(rows[0].Body, json)!;
        Assert.Equal(Guid.Parse(registeredId), event0.HouseholdId);
        Assert.Equal(Imports.RegisteredAt, event0.RegisteredAt);
        Assert.Equal(3, event0.Members.Count);
        var exitEvent = JsonSerializer.Deserialize<HouseholdExited>(rows[2].Body, json)!;
        Assert.Equal(new DateOnly(2024, 12, 20), exitEvent.SupportUntil);
        foreach (var member in registered.Application.Members.Concat(exited.Application.Members))
        {
            Assert.DoesNotContain(rows, r => r.Body.Contains(member.NationalId, StringComparison.OrdinalIgnoreCase) || r.Body.Contains(member.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Imported_households_count_in_the_region_statistics_like_filed_ones()
    {
        await using var own = new RegistryFactory();
        var before = await StatisticsAsync(own);

        await own.ImportAsync("statistics", Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.Donghu), Imports.Exited(Seeded.Hekou));

        var after = await StatisticsAsync(own);
        Assert.Equal((before.RegisteredHouseholds + 2, before.RegisteredPeople + 6, before.ExitedHouseholds + 1),
            (after.RegisteredHouseholds, after.RegisteredPeople, after.ExitedHouseholds));
    }

    [Fact]
    public async Task After_an_import_its_connection_checkpoints_the_log_on_its_own_again()
    {
        await using var own = new RegistryFactory();
        await own.ImportAsync("checkpoints", Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.Hekou));

        // The import turned SQLite's automatic checkpoints off on its pooled connection; holding
        // several connections open at once is sure to be handed that one among them.
        var scopes = Enumerable.Range(0, 8).Select(_ => own.Services.CreateAsyncScope()).ToList();
        try
        {
            var settings = new List<long>();
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                if (!db.Database.IsSqlite())
                {
                    return;
                }

                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_autocheckpoint";
                settings.Add((long)(await command.ExecuteScalarAsync())!);
            }

            Assert.All(settings, pages => Assert.Equal(1_000, pages));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<RegionFigures> StatisticsAsync(RegistryFactory factory) =>
        (await factory.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = Seeded.Huoqiu, Year = 2026 }, factory.CountyOfficer(Seeded.Huoqiu))).Region;

    [Fact]
    public async Task Each_committed_chunk_writes_one_audit_record_naming_the_batch_and_purpose()
    {
        var options = registry.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "migrator-7", purpose: "national-system migration");
        await registry.ImportAsync(options, Imports.Upload("audited", [Imports.Registered(Seeded.Qilipeng)]));

        var record = await registry.QueryAsync(db => db.AuditRecords.SingleAsync(a => a.Action == "household.import" && a.EntityId == "audited"));

        Assert.Equal("import-batch", record.EntityType);
        Assert.Equal("migrator-7", record.Actor);
        Assert.Equal("national-system migration", record.Purpose);
    }

    [Fact]
    public async Task A_stream_without_a_header_first_is_invalid()
    {
        var error = await registry.ImportFailsAsync(StatusCode.InvalidArgument, registry.CountyOfficer(Seeded.Huoqiu),
            [Imports.Message(Imports.Registered(Seeded.Qilipeng))]);

        Assert.Equal("header", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task An_invalid_header_names_its_fields()
    {
        var header = Imports.Header("not a batch id!");
        header.Header.Source = "";

        var error = await registry.ImportFailsAsync(StatusCode.InvalidArgument, registry.CountyOfficer(Seeded.Huoqiu), [header]);

        Assert.Equal(new[] { "header.batch_id", "header.source" }, RpcAssert.InvalidFields(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_id_of_another_county_cannot_be_continued()
    {
        await registry.ImportAsync(registry.CountyOfficer(Seeded.Weishan), Imports.Upload("weishan-1", [Imports.Registered(Seeded.Xincun)]));

        await registry.ImportFailsAsync(StatusCode.AlreadyExists, registry.CountyOfficer(Seeded.Huoqiu), Imports.Upload("weishan-1", [Imports.Registered(Seeded.Qilipeng)]));
    }

    [Fact]
    public async Task The_result_says_whether_the_stream_held_the_registered_count_of_the_header()
    {
        var households = new[] { Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.Qilipeng) };
        var matching = await registry.ImportAsync(registry.CountyOfficer(Seeded.Huoqiu), Imports.Upload("count-2", households).Skip(1).Prepend(Imports.Header("count-2", 2)));
        var short1 = await registry.ImportAsync(registry.CountyOfficer(Seeded.Huoqiu), Imports.Upload("count-3", [Imports.Registered(Seeded.Hekou)]).Skip(1).Prepend(Imports.Header("count-3", 3)));

        Assert.True(matching.MatchesRegistered);
        Assert.False(short1.MatchesRegistered);
    }

    private async Task<string> HouseholdIdAsync(string batchId, long position) => (await registry.QueryAsync(db =>
        db.Households.Where(h => h.ImportBatchId == batchId && h.ImportPosition == position).Select(h => h.Id).SingleAsync())).ToString();

    private Task<int> BatchHouseholdsAsync(string batchId) => registry.QueryAsync(db => db.Households.CountAsync(h => h.ImportBatchId == batchId));

    private Task<int> ImportAuditCountAsync(string batchId) => registry.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "household.import" && a.EntityId == batchId));
}
