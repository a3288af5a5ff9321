using System.Net;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Exchange;
using Platform.Assistance.Tests.Water;
using Platform.Security;

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

    [Fact]
    public async Task A_pushed_batch_logs_each_households_change_once_and_a_department_polling_over_http_resumes_where_it_stopped()
    {
        await using var service = new AssistanceFactory();
        var households = new List<TestHousehold>();
        for (var i = 0; i < 25; i++)
        {
            households.Add(await service.Household().Head().RegisterAsync());
        }

        using var http = service.JsonClient(PlatformRoles.DepartmentClient, TestRegions.County, scopes: [PlatformClaims.DepartmentScope("water")], purpose: "饮水安全核查");
        var (_, head) = await http.GetJsonAsync("/v1/assistance/guarantee-changes?fromNow=true");
        var start = JsonApi.Parse<ListChangesResponse>(head).NextCursor;

        // One POST of the water department's batch: every household's water quality fails.
        var rows = households.Select((h, i) =>
            $$"""{"nationalId":"{{h.Head.NationalId}}","quantityMet":true,"qualityMet":false,"convenienceMet":true,"reliabilityMet":true,"assessedOn":{"year":{{service.Today.Year}},"month":{{service.Today.Month}},"day":{{service.Today.Day}}},"assessor":"county water lab","recordKey":"q-{{i}}"}""");
        var (pushed, _) = await http.PostJsonAsync("/v1/assistance/water/records:batch",
            $$"""{"header":{"batchId":"b-{{Guid.NewGuid():N}}","sourceSystem":"water-sis"},"rows":[{{string.Join(',', rows)}}]}""");
        Assert.Equal(HttpStatusCode.OK, pushed);

        // The department reads one page, stops (its system goes down), and later resumes from the cursor it kept.
        var (status, first) = await http.GetJsonAsync($"/v1/assistance/guarantee-changes?afterCursor={start}&pageSize=7");
        Assert.Equal(HttpStatusCode.OK, status);
        var seen = new List<GuaranteeChange>(JsonApi.Parse<ListChangesResponse>(first).Changes);
        var cursor = JsonApi.Parse<ListChangesResponse>(first).NextCursor;
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (seen.Count < households.Count)
        {
            var (_, body) = await http.GetJsonAsync($"/v1/assistance/guarantee-changes?afterCursor={cursor}&pageSize=7");
            var page = JsonApi.Parse<ListChangesResponse>(body);
            seen.AddRange(page.Changes);
            cursor = page.NextCursor;
            if (page.CaughtUp)
            {
                // The sequencer numbers commits just after them: wait for it rather than spin.
                await Task.Delay(50, enough.Token);
            }
        }

        Assert.Equal(households.Select(h => h.Id.ToString()).Order(), seen.Select(c => c.HouseholdId).Order());
        Assert.All(seen, c => Assert.Equal((GuaranteeState.NotMet, false), (c.Water, c.AllMet)));
        Assert.Equal(seen.Select(c => long.Parse(c.Cursor)).Order(), seen.Select(c => long.Parse(c.Cursor)));
        var grpc = await service.Client<GuaranteeChangeService.GuaranteeChangeServiceClient>().ListChangesAsync(
            new ListChangesRequest { AfterCursor = start, PageSize = 1000 }, service.Department(DepartmentKind.Water, TestRegions.County));
        Assert.Equal(grpc.Changes, seen);

        // Every page it read is in the audit trail with its purpose.
        var audits = await service.QueryAsync(db => db.AuditRecords.Where(a => a.Action == "changes.read" && a.Purpose == "饮水安全核查").CountAsync());
        Assert.True(audits >= 5, $"{audits} page reads audited");
    }
}
