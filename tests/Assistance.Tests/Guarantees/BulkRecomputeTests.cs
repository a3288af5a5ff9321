using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using DropoutCase = Platform.Assistance.Education.DropoutCase;
using Platform.Assistance.Exchange;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Water;
using WaterAssessment = Platform.Assistance.Water.WaterAssessment;
using static Platform.Assistance.Tests.Water.WaterRequests;

namespace Platform.Assistance.Tests.Guarantees;

/// <summary>
/// The department push's bulk recompute (multi-row commands) against the tracked path every other
/// caller uses: the same rows, the same events, and nothing of a chunk kept when part of it fails.
/// </summary>
public sealed class BulkRecomputeTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    [Fact]
    public async Task The_bulk_recompute_writes_what_the_tracked_path_writes()
    {
        var plain = await service.Household().Head().RegisterAsync();
        var pupil = await service.Household().Head().Child(age: 8).RegisterAsync();
        var dropout = await service.Household().Head().Child(age: 10, schooling: "DroppedOut").RegisterAsync();
        var safeWater = await service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        var badWater = await service.Household().Head().Child(age: 3, schooling: "NotOfSchoolAge").RegisterAsync();
        var staleReason = await service.Household().Head().Member("Spouse", service.Today.AddYears(-70), "Female", disabilityGrade: 2).RegisterAsync();
        var newerRecord = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var ids = new List<Guid> { plain.Id, pupil.Id, dropout.Id, safeWater.Id, badWater.Id, staleReason.Id, newerRecord.Id };

        await service.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AssistanceDbContext>();
            db.AddRange(Assessment(safeWater.Id, safeWater.RegionCode, meets: true), Assessment(badWater.Id, badWater.RegionCode, meets: false));
            // No row yet: the recompute inserts one and tells the registry.
            await db.Guarantees.Where(g => g.HouseholdId == plain.Id || g.HouseholdId == safeWater.Id).ExecuteDeleteAsync();
            var held = await db.Guarantees.Where(g => g.HouseholdId == staleReason.Id || g.HouseholdId == newerRecord.Id).ToListAsync();
            // A reason that no longer holds (an event), and an older deciding record with the same verdict (no event).
            held.Single(g => g.HouseholdId == staleReason.Id).Get(Guarantee.Housing).Reason = "stale";
            held.Single(g => g.HouseholdId == newerRecord.Id).Get(Guarantee.Water).DecidingRecord = "water-assessment:older";
            await db.SaveChangesAsync();
        });
        service.Clock.Advance(TimeSpan.FromHours(1));

        var tracked = await RecomputeAsync(ids, bulk: false);
        var bulk = await RecomputeAsync(ids, bulk: true);

        Assert.Equal(tracked.Rows, bulk.Rows);
        Assert.Equal(tracked.Events, bulk.Events);
        Assert.Equal(tracked.Cases, bulk.Cases);
        Assert.Equal(7, bulk.RowCount);
        Assert.Equal(4, bulk.EventCount);
    }

    [Fact]
    public async Task A_chunk_that_fails_part_way_leaves_nothing_written()
    {
        var households = new[]
        {
            await service.Household().Head().RegisterAsync(),
            await service.Household().Head().RegisterAsync(),
            await service.Household().Head().RegisterAsync(),
        };
        var ids = households.Select(h => h.Id).ToList();
        service.Clock.Advance(TimeSpan.FromHours(1));
        var before = await SnapshotAsync(ids);

        // The database refuses the second household's status event, after the chunk's records and guarantee rows were written.
        var trigger = $"fail_{Guid.NewGuid():N}";
        await ExecuteAsync(TestDatabase.IsPostgres
            ? $"""
               CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
               CREATE TRIGGER {trigger} BEFORE INSERT ON "OutboxMessages" FOR EACH ROW WHEN (NEW."AggregateKey" = '{ids[1]}') EXECUTE FUNCTION {trigger}();
               """
            : $"""CREATE TRIGGER {trigger} BEFORE INSERT ON "OutboxMessages" WHEN NEW."AggregateKey" = '{ids[1]}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;""");
        try
        {
            await Assert.ThrowsAsync<RpcException>(() => PushAsync(households.Select(h => h.Head.NationalId)));
        }
        finally
        {
            await ExecuteAsync(TestDatabase.IsPostgres ? $"""DROP TRIGGER {trigger} ON "OutboxMessages"; DROP FUNCTION {trigger}();""" : $"DROP TRIGGER {trigger};");
        }

        var after = await SnapshotAsync(ids);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(0, await service.QueryAsync(db => db.Set<WaterAssessment>().CountAsync(a => ids.Contains(a.HouseholdId))));
    }

    private sealed record Snapshot(string Rows, string Events, string Cases, int RowCount, int EventCount);

    private static WaterAssessment Assessment(Guid householdId, string regionCode, bool meets) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = householdId,
        RegionCode = regionCode,
        Quantity = WaterCheck.Of(true),
        Quality = WaterCheck.Of(meets),
        Convenience = WaterCheck.Of(true),
        Reliability = WaterCheck.Of(true),
        AssessedOn = new DateOnly(2026, 2, 1),
        Assessor = "county water bureau",
        RecordedBy = "test-officer",
        RecordedAt = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Recomputes the households one way inside a transaction, reads what it wrote, and rolls it all back.</summary>
    private async Task<Snapshot> RecomputeAsync(List<Guid> ids, bool bulk)
    {
        Snapshot? written = null;
        await service.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AssistanceDbContext>();
            var assessor = services.GetRequiredService<GuaranteeAssessor>();
            var lastEvent = await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (bulk)
            {
                await assessor.AssessInBulkAsync(ids, default);
            }
            else
            {
                await assessor.AssessAsync(ids, default);
                await db.SaveChangesAsync();
            }

            db.ChangeTracker.Clear();
            written = await ReadAsync(db, ids, lastEvent);
            await transaction.RollbackAsync();
        });
        return written!;
    }

    private Task<Snapshot> SnapshotAsync(List<Guid> ids) => service.QueryAsync(db => ReadAsync(db, ids, 0));

    private static async Task<Snapshot> ReadAsync(AssistanceDbContext db, List<Guid> ids, long afterEvent)
    {
        var rows = (await db.Guarantees.AsNoTracking().Where(g => ids.Contains(g.HouseholdId)).ToListAsync()).OrderBy(g => g.HouseholdId).ToList();
        var keys = ids.Select(id => id.ToString()).ToList();
        // Everything but the id and MessageId, which are new on every write.
        var events = (await db.OutboxMessages.AsNoTracking().Where(m => m.Id > afterEvent && keys.Contains(m.AggregateKey)).ToListAsync())
            .OrderBy(m => m.AggregateKey, StringComparer.Ordinal).ThenBy(m => m.Id)
            .Select(m => new { m.AggregateKey, m.MessageType, m.Body, m.CreatedAt, m.TraceParent, m.Attempts, m.NextAttemptAt, m.LastError, m.Unpublishable, m.ParkedAt })
            .ToList();
        var cases = (await db.Set<DropoutCase>().AsNoTracking().Where(c => ids.Contains(c.HouseholdId)).ToListAsync())
            .Select(c => new { c.HouseholdId, c.MemberId, c.Reason, c.RegionCode, c.OpenedAt, c.ClosedAt, c.ClosingReason })
            .OrderBy(c => c.MemberId).ToList();
        return new Snapshot(JsonSerializer.Serialize(rows), JsonSerializer.Serialize(events), JsonSerializer.Serialize(cases), rows.Count, events.Count);
    }

    private Task ExecuteAsync(string sql) => service.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private async Task PushAsync(IEnumerable<string> nationalIds)
    {
        using var call = service.Client<WaterService.WaterServiceClient>().ImportWaterAssessments(service.Department(DepartmentKind.Water));
        var messages = nationalIds.Select((id, i) => new ImportWaterAssessmentsRequest
        {
            Row = new WaterAssessmentRow
            {
                NationalId = id,
                QuantityMet = true,
                QualityMet = true,
                ConvenienceMet = true,
                ReliabilityMet = true,
                AssessedOn = Date(service.Today),
                Assessor = "county water bureau",
                RecordKey = $"w-{Guid.NewGuid():N}-{i}",
            },
        }).Prepend(new ImportWaterAssessmentsRequest { Header = new DepartmentBatchHeader { BatchId = $"b-{Guid.NewGuid():N}", SourceSystem = "water-dept" } });
        await ClientStreams.SendAsync(call, messages);
    }
}
