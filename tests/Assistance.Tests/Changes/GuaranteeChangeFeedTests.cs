using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Exchange;
using Platform.Assistance.Tests.Water;

namespace Platform.Assistance.Tests.Changes;

/// <summary>A department follows guarantee status as the assistance service assesses it.</summary>
public sealed class GuaranteeChangeFeedTests
{
    [Fact]
    public async Task A_water_push_that_fails_a_guarantee_and_its_correction_reach_the_county_in_order_and_no_other_county()
    {
        await using var service = new AssistanceFactory();
        var household = await service.Household().Head().RegisterAsync();
        var feed = service.Client<GuaranteeChangeService.GuaranteeChangeServiceClient>();
        var water = service.Client<WaterService.WaterServiceClient>();
        var key = $"w-{Guid.NewGuid():N}";

        using var watch = feed.WatchChanges(new WatchChangesRequest(), service.Department(DepartmentKind.Water, TestRegions.County));
        foreach (var quality in new[] { false, true })
        {
            using var call = water.ImportWaterAssessments(service.Department(DepartmentKind.Water, TestRegions.County));
            await ClientStreams.SendAsync(call, [
                new ImportWaterAssessmentsRequest { Header = new DepartmentBatchHeader { BatchId = $"b-{Guid.NewGuid():N}", SourceSystem = "water-dept" } },
                new ImportWaterAssessmentsRequest { Row = new WaterAssessmentRow
                {
                    NationalId = household.Head.NationalId, QuantityMet = true, QualityMet = quality, ConvenienceMet = true, ReliabilityMet = true,
                    AssessedOn = WaterRequests.Date(service.Today), Assessor = "provincial water quality lab", RecordKey = key,
                } }]);
        }

        // The stream and the pages agree: every change of the household, its water not met and then met.
        var logged = await service.QueryAsync(db => db.Changes.CountAsync());
        var streamed = new List<GuaranteeChange>();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (streamed.Count < logged && await watch.ResponseStream.MoveNext(enough.Token))
        {
            streamed.Add(watch.ResponseStream.Current.Change);
        }

        var paged = await feed.ListChangesAsync(new ListChangesRequest { PageSize = 1000 }, service.Department(DepartmentKind.Water, TestRegions.County));
        Assert.Equal(paged.Changes, streamed);
        var ours = streamed.Where(c => c.HouseholdId == household.Id.ToString()).ToList();
        Assert.Equal([GuaranteeState.NotMet, GuaranteeState.Met], ours.TakeLast(2).Select(c => c.Water));
        Assert.Contains(ours[^2].Reasons, r => r.StartsWith("Water", StringComparison.Ordinal));
        Assert.Equal(ours.Select(c => long.Parse(c.Cursor)).Order(), ours.Select(c => long.Parse(c.Cursor)));

        var other = await feed.ListChangesAsync(new ListChangesRequest(), service.Department(DepartmentKind.Water, TestRegions.OtherCounty));
        Assert.Empty(other.Changes);
        var refused = await Assert.ThrowsAsync<RpcException>(() => feed.ListChangesAsync(new ListChangesRequest { RegionCode = TestRegions.County }, service.Department(DepartmentKind.Water, TestRegions.OtherCounty)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }
}
