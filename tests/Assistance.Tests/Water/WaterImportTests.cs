using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Assistance.Exchange;
using static Platform.Assistance.Tests.Water.WaterRequests;
using WaterAssessmentEntity = Platform.Assistance.Water.WaterAssessment;

namespace Platform.Assistance.Tests.Water;

/// <summary>The water department pushes assessments in batches (数据比对).</summary>
public sealed class WaterImportTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private WaterService.WaterServiceClient Water => service.Client<WaterService.WaterServiceClient>();

    private static WaterAssessmentRow Row(string nationalId, string key, DateOnly on, bool quality = true) => new()
    {
        NationalId = nationalId,
        QuantityMet = true,
        QualityMet = quality,
        ConvenienceMet = true,
        ReliabilityMet = true,
        AssessedOn = Date(on),
        Assessor = "provincial water quality lab",
        RecordKey = key,
    };

    private async Task<DepartmentImportReport> PushAsync(string batchId, CallOptions options, params WaterAssessmentRow[] rows)
    {
        using var call = Water.ImportWaterAssessments(options);
        var messages = rows.Select(row => new ImportWaterAssessmentsRequest { Row = row })
            .Prepend(new ImportWaterAssessmentsRequest { Header = new DepartmentBatchHeader { BatchId = batchId, SourceSystem = "water-dept" } });
        return (await ClientStreams.SendAsync(call, messages)).Report;
    }

    private Task<List<WaterAssessmentEntity>> AssessmentsAsync(Guid householdId) =>
        service.QueryAsync(db => db.Set<WaterAssessmentEntity>().Where(a => a.HouseholdId == householdId).ToListAsync());

    [Fact]
    public async Task Good_rows_are_kept_and_bad_rows_reported_by_position()
    {
        var household = await service.Household().Head().Child(age: 8).RegisterAsync();
        var outsider = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var key = $"w-{Guid.NewGuid():N}";

        var report = await PushAsync($"b-{Guid.NewGuid():N}", service.Department(DepartmentKind.Water, TestRegions.County),
            Row(household.Members[1].NationalId, key, service.Today.AddDays(-2), quality: false),
            Row("123", $"{key}-2", service.Today),
            Row(household.Head.NationalId, $"{key}-3", service.Today.AddDays(5)),
            Row(outsider.Head.NationalId, $"{key}-4", service.Today),
            Row(household.Head.NationalId, "", service.Today));

        Assert.Equal((5, 1, 4), (report.RowsReceived, report.RowsApplied, report.RowsRejected));
        Assert.Contains(report.Problems, p => p is { Position: 2, Field: "national_id" });
        Assert.Contains(report.Problems, p => p is { Position: 3, Field: "assessed_on" });
        Assert.Contains(report.Problems, p => p.Position == 4 && p.Field == "national_id" && p.Reason == DepartmentMembers.NotFoundReason);
        Assert.Contains(report.Problems, p => p is { Position: 5, Field: "record_key" });
        var kept = Assert.Single(await AssessmentsAsync(household.Id));
        Assert.Equal((key, "WaterDepartment"), (kept.RecordKey, kept.Source.ToString()));
        Assert.Empty(await AssessmentsAsync(outsider.Id));
        Assert.Equal("NotMet", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Water);
    }

    [Fact]
    public async Task A_resent_batch_changes_nothing_and_a_resent_record_key_updates_the_one_record()
    {
        var household = await service.Household().Head().RegisterAsync();
        var key = $"w-{Guid.NewGuid():N}";
        var batch = $"b-{Guid.NewGuid():N}";
        var department = service.Department(DepartmentKind.Water);

        var first = await PushAsync(batch, department, Row(household.Head.NationalId, key, service.Today, quality: false));
        var replay = await PushAsync(batch, department, Row(household.Head.NationalId, key, service.Today));

        Assert.False(first.Replayed);
        Assert.True(replay.Replayed);
        Assert.Equal(first.RowsApplied, replay.RowsApplied);
        Assert.False((await AssessmentsAsync(household.Id)).Single().Quality.Meets);

        var corrected = await PushAsync($"b-{Guid.NewGuid():N}", department, Row(household.Head.NationalId, key, service.Today));
        var same = await PushAsync($"b-{Guid.NewGuid():N}", department, Row(household.Head.NationalId, key, service.Today));

        Assert.Equal((1, 1), (corrected.RowsApplied, corrected.StatusesChanged));
        Assert.Equal((0, 1), (same.RowsApplied, same.RowsUnchanged));
        var only = Assert.Single(await AssessmentsAsync(household.Id));
        Assert.True(only.Quality.Meets);
        Assert.Equal("Met", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Water);
    }

    [Fact]
    public async Task Only_a_water_department_client_may_push_water_assessments()
    {
        var household = await service.Household().Head().RegisterAsync();
        var row = Row(household.Head.NationalId, $"w-{Guid.NewGuid():N}", service.Today);

        var housing = await Assert.ThrowsAsync<RpcException>(() => PushAsync($"b-{Guid.NewGuid():N}", service.Department(DepartmentKind.Housing), row));
        var officer = await Assert.ThrowsAsync<RpcException>(() => PushAsync($"b-{Guid.NewGuid():N}", service.CountyOfficer(TestRegions.County), row));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (housing.StatusCode, officer.StatusCode));
        Assert.Empty(await AssessmentsAsync(household.Id));
    }
}
