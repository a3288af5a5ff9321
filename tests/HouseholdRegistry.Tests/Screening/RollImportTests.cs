using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Screening;

/// <summary>Importing civil affairs' 低保 and 特困 rolls: good rows kept, bad rows reported, a resent batch changes nothing.</summary>
/// <remarks>Each test has a registry of its own: a roll's batches follow each other in date order, and end each other's entries.</remarks>
public sealed class RollImportTests
{
    private static CallOptions Officer(RegistryFactory registry) => registry.CountyOfficer(Seeded.Huoqiu);

    private static string NewBatch() => Guid.NewGuid().ToString("N");

    private static Task<(int Entries, int Batches, int Audits)> CountRowsAsync(RegistryFactory registry) => registry.QueryAsync(async db =>
        (await db.AssistanceRollEntries.CountAsync(), await db.AssistanceRollBatches.CountAsync(), await db.AuditRecords.CountAsync(a => a.Action == "roll.import")));

    [Fact]
    public async Task Good_rows_are_kept_and_bad_rows_reported_by_row_number_and_field()
    {
        await using var registry = new RegistryFactory();
        var good1 = ScreeningKit.NewNationalId();
        var good2 = ScreeningKit.NewNationalId();
        var badCheck = good1[..17] + (good1[17] == '0' ? '1' : '0');
        var batch = NewBatch();

        var result = await registry.ImportAsync(Officer(registry), ScreeningKit.Header(batch, registry.Today().AddDays(-10)),
            ScreeningKit.Row(good1, 3000, name: "赵大山"),
            ScreeningKit.Row(badCheck, 3000),
            ScreeningKit.Row(ScreeningKit.NewNationalId(Seeded.Weishan), 3000, Seeded.Xincun),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), -5, members: 0),
            ScreeningKit.Row(good1, 2000),
            ScreeningKit.Row(good2, 4200, Seeded.Donghu, "钱二妹", 5),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), 3000, "341522104209"));

        Assert.Equal((batch, 7, 2, 5, 0), (result.BatchId, result.RowsReceived, result.RowsImported, result.RowsRejected, result.EntriesEnded));
        Assert.Equal(
            [(2, "head_national_id"), (3, "village_code"), (4, "member_count"), (4, "per_capita_income"), (5, "head_national_id"), (7, "village_code")],
            result.Problems.Select(p => (p.RowNumber, p.Field)));
        Assert.Equal("already appears in row 1", result.Problems[4].Reason);
        Assert.Equal("is outside your region 341522000000", result.Problems[1].Reason);

        var protector = registry.Services.GetRequiredService<PersonalDataProtector>();
        var entries = await registry.QueryAsync(db => db.AssistanceRollEntries.Where(e => e.LastBatchId == batch).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal((AssistanceRollKind.RuralMinimumLivingAllowance, Seeded.Qilipeng, "赵大山", 300_000L, 3), (entries[0].Kind, entries[0].VillageCode, entries[0].HeadName, entries[0].PerCapitaIncomeFen, entries[0].MemberCount));
        Assert.Equal((Seeded.Donghu, "钱二妹", 420_000L, 5, 45_000L), (entries[1].VillageCode, entries[1].HeadName, entries[1].PerCapitaIncomeFen, entries[1].MemberCount, entries[1].MonthlyAllowanceFen));
        Assert.DoesNotContain(good1, entries[0].HeadNationalIdCipher);
        Assert.Equal(good1, protector.Decrypt(entries[0].HeadNationalIdCipher));
        Assert.Equal(protector.LookupHash(good1), entries[0].HeadNationalIdHash);
        var audit = await registry.QueryAsync(db => db.AuditRecords.SingleAsync(a => a.Action == "roll.import"));
        Assert.Equal(("assistance-roll-batch", batch, PlatformRoles.CountyOfficer), (audit.EntityType, audit.EntityId, audit.ActorRole));
    }

    [Fact]
    public async Task A_roll_larger_than_one_write_chunk_is_imported_whole_and_duplicates_are_found_across_chunks()
    {
        await using var registry = new RegistryFactory();
        var rows = Enumerable.Range(0, 1_200).Select(i => ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000 + i)).ToList();
        rows.Add(rows[3].Clone());

        var result = await registry.ImportAsync(Officer(registry), ScreeningKit.Header(NewBatch(), registry.Today()), [.. rows]);

        Assert.Equal((1_201, 1_200, 1), (result.RowsReceived, result.RowsImported, result.RowsRejected));
        Assert.Equal((1_201, "already appears in row 4"), (result.Problems[0].RowNumber, result.Problems[0].Reason));
        Assert.Equal(1_200, await registry.QueryAsync(db => db.AssistanceRollEntries.CountAsync()));
    }

    [Fact]
    public async Task A_resent_batch_returns_the_first_result_and_changes_nothing()
    {
        await using var registry = new RegistryFactory();
        var id = ScreeningKit.NewNationalId();
        var batch = NewBatch();
        var header = ScreeningKit.Header(batch, registry.Today().AddDays(-5), kind: AssistanceRollKind.ExtremePovertySupport);
        var first = await registry.ImportAsync(Officer(registry), header, ScreeningKit.Row(id, 1200), ScreeningKit.Row("bad", 1));
        var before = await CountRowsAsync(registry);

        var again = await registry.ImportAsync(Officer(registry), header, ScreeningKit.Row(id, 9999), ScreeningKit.Row(ScreeningKit.NewNationalId(), 100));

        Assert.Equal(first, again);
        Assert.Equal(before, await CountRowsAsync(registry));
        var entry = await registry.QueryAsync(db => db.AssistanceRollEntries.SingleAsync(e => e.LastBatchId == batch));
        Assert.Equal(120_000L, entry.PerCapitaIncomeFen);
    }

    [Fact]
    public async Task A_batch_id_reused_for_another_date_is_refused()
    {
        await using var registry = new RegistryFactory();
        var batch = NewBatch();
        await registry.ImportAsync(Officer(registry), ScreeningKit.Header(batch, registry.Today().AddDays(-20), kind: AssistanceRollKind.ExtremePovertySupport), ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000));

        var error = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(Officer(registry),
            ScreeningKit.Header(batch, registry.Today().AddDays(-19), kind: AssistanceRollKind.ExtremePovertySupport), ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_newer_batch_ends_the_entries_it_no_longer_lists_and_lists_returning_ones_again()
    {
        await using var registry = new RegistryFactory();
        var (a, b, c) = (ScreeningKit.NewNationalId(), ScreeningKit.NewNationalId(), ScreeningKit.NewNationalId());
        var march = registry.Today().AddDays(-60);
        var april = march.AddDays(30);
        var may = april.AddDays(30);
        var officer = registry.CountyOfficer(Seeded.Huoqiu);
        await registry.ImportAsync(officer, ScreeningKit.Header("march", march), ScreeningKit.Row(a, 1000), ScreeningKit.Row(b, 2000));
        await registry.ImportAsync(officer, ScreeningKit.Header("other-roll", march, kind: AssistanceRollKind.ExtremePovertySupport), ScreeningKit.Row(c, 500));

        var second = await registry.ImportAsync(officer, ScreeningKit.Header("april", april), ScreeningKit.Row(b, 2500), ScreeningKit.Row(c, 800));
        var third = await registry.ImportAsync(officer, ScreeningKit.Header("may", may), ScreeningKit.Row(a, 900), ScreeningKit.Row(b, 2500), ScreeningKit.Row(c, 800));

        Assert.Equal((2, 1), (second.RowsImported, second.EntriesEnded));
        Assert.Equal((3, 0), (third.RowsImported, third.EntriesEnded));
        var protector = registry.Services.GetRequiredService<PersonalDataProtector>();
        var entries = await registry.QueryAsync(db => db.AssistanceRollEntries.ToListAsync());
        var allowance = entries.Where(e => e.Kind == AssistanceRollKind.RuralMinimumLivingAllowance).ToDictionary(e => e.HeadNationalIdHash);
        Assert.Equal((may, (DateOnly?)null), (allowance[protector.LookupHash(a)].ListedSince, allowance[protector.LookupHash(a)].EndedOn));
        Assert.Equal((march, 250_000L), (allowance[protector.LookupHash(b)].ListedSince, allowance[protector.LookupHash(b)].PerCapitaIncomeFen));
        Assert.Equal(april, allowance[protector.LookupHash(c)].ListedSince);
        Assert.Null(Assert.Single(entries, e => e.Kind == AssistanceRollKind.ExtremePovertySupport).EndedOn);

        var late = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(officer, ScreeningKit.Header("late", march), ScreeningKit.Row(b, 2000)));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
    }

    [Fact]
    public async Task An_entry_missing_from_a_newer_batch_is_marked_ended_as_of_that_batch()
    {
        await using var registry = new RegistryFactory();
        var (a, b) = (ScreeningKit.NewNationalId(), ScreeningKit.NewNationalId());
        var officer = registry.CountyOfficer(Seeded.Huoqiu);
        await registry.ImportAsync(officer, ScreeningKit.Header("one", registry.Today().AddDays(-2)), ScreeningKit.Row(a, 1000), ScreeningKit.Row(b, 1000));
        await registry.ImportAsync(officer, ScreeningKit.Header("two", registry.Today()), ScreeningKit.Row(b, 1000));

        var hash = registry.Services.GetRequiredService<PersonalDataProtector>().LookupHash(a);
        var ended = await registry.QueryAsync(db => db.AssistanceRollEntries.SingleAsync(e => e.HeadNationalIdHash == hash));
        Assert.Equal(registry.Today(), ended.EndedOn);
    }

    [Fact]
    public async Task A_department_client_imports_within_its_scope_and_gets_not_found_outside_it()
    {
        await using var registry = new RegistryFactory();
        var civilAffairs = registry.As(PlatformRoles.DepartmentClient, Seeded.Anhui, "civil-affairs");
        var weishanAffairs = registry.As(PlatformRoles.DepartmentClient, Seeded.Weishan, "weishan-civil-affairs");

        var result = await registry.ImportAsync(civilAffairs, ScreeningKit.Header(NewBatch(), registry.Today()), ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            registry.ImportAsync(weishanAffairs, ScreeningKit.Header(NewBatch(), registry.Today()), ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000)));

        Assert.Equal(1, result.RowsImported);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Changji)]
    [InlineData(PlatformRoles.Auditor, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.ProvincialOfficer, Seeded.Anhui)]
    public async Task Other_roles_may_not_import_and_nothing_is_written(string role, string region)
    {
        await using var registry = new RegistryFactory();
        var before = await CountRowsAsync(registry);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            registry.ImportAsync(registry.As(role, region), ScreeningKit.Header(NewBatch(), registry.Today()), ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await CountRowsAsync(registry));
    }

    [Fact]
    public async Task An_upload_must_start_with_a_valid_header()
    {
        await using var registry = new RegistryFactory();
        var missing = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(Officer(registry), null, ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000)));
        var invalid = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(Officer(registry),
            new AssistanceRollHeader { BatchId = "x", CountyCode = Seeded.Qilipeng, AsOf = registry.Today().ToProto() }));

        var notCounty = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(Officer(registry),
            new AssistanceRollHeader { BatchId = "x", RollKind = AssistanceRollKind.RuralMinimumLivingAllowance, CountyCode = Seeded.Qilipeng, AsOf = registry.Today().ToProto() }));

        Assert.Equal("header", RpcAssert.InvalidField(missing));
        Assert.Equal("header.roll_kind", RpcAssert.InvalidField(invalid));
        Assert.Equal("header.county_code", RpcAssert.InvalidField(notCounty));
    }

    [Fact]
    public async Task A_second_header_cancels_the_whole_batch()
    {
        await using var registry = new RegistryFactory();
        var before = await CountRowsAsync(registry);
        using var call = registry.Screening().ImportAssistanceRoll(Officer(registry));
        await call.RequestStream.WriteAsync(new ImportAssistanceRollRequest { Header = ScreeningKit.Header(NewBatch(), registry.Today()) });
        await call.RequestStream.WriteAsync(new ImportAssistanceRollRequest { Row = ScreeningKit.Row(ScreeningKit.NewNationalId(), 1000) });
        await call.RequestStream.WriteAsync(new ImportAssistanceRollRequest { Header = ScreeningKit.Header(NewBatch(), registry.Today()) });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal("row", RpcAssert.InvalidField(error));
        Assert.Equal(before, await CountRowsAsync(registry));
    }
}
