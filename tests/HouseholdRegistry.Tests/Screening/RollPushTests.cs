using System.Net;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Screening;

/// <summary>
/// Civil affairs' roll pushed as one HTTP/JSON request (a department system without gRPC): the
/// same importer as the stream, so the same report, the same repeat by batch id, the same scope.
/// </summary>
public sealed class RollPushTests
{
    private const string Rolls = "/v1/registry/assistance-rolls:batch";

    private static string Push(AssistanceRollHeader? header, params AssistanceRollRow[] rows) =>
        JsonFormatter.Default.Format(new PushAssistanceRollRequest { Header = header, Rows = { rows } });

    [Fact]
    public async Task A_roll_posted_over_http_is_imported_reported_by_row_and_repeated_by_batch_id_as_the_stream_would()
    {
        await using var registry = new RegistryFactory();
        using var civilAffairs = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu, purpose: "两户合一");
        var good = ScreeningKit.NewNationalId();
        var header = ScreeningKit.Header(Guid.NewGuid().ToString("N"), registry.Today());
        var body = Push(header, ScreeningKit.Row(good, 3000), ScreeningKit.Row(good, 2000), ScreeningKit.Row(ScreeningKit.NewNationalId(), 4200, Seeded.Donghu, "钱二妹", 5));

        var (status, json) = await civilAffairs.PostJsonAsync(Rolls, body);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = JsonApi.Parse<PushAssistanceRollResponse>(json).Result;
        Assert.Equal((header.BatchId, 3, 2, 1), (result.BatchId, result.RowsReceived, result.RowsImported, result.RowsRejected));
        Assert.Equal((2, "head_national_id", "already appears in row 1"), (result.Problems[0].RowNumber, result.Problems[0].Field, result.Problems[0].Reason));
        Assert.Equal(2, await registry.QueryAsync(db => db.AssistanceRollEntries.CountAsync(e => e.LastBatchId == header.BatchId)));

        // Sent again, by POST or as the gRPC stream, the batch answers its first result and changes nothing.
        var (_, again) = await civilAffairs.PostJsonAsync(Rolls, body);
        var streamed = await registry.ImportAsync(registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu, "civil-affairs"), header, ScreeningKit.Row(ScreeningKit.NewNationalId(), 1));
        Assert.Equal(result, JsonApi.Parse<PushAssistanceRollResponse>(again).Result);
        Assert.Equal(result, streamed);
        Assert.Equal((2, 1), await registry.QueryAsync(async db => (
            await db.AssistanceRollEntries.CountAsync(),
            await db.AuditRecords.CountAsync(a => a.Action == "roll.import" && a.Purpose == "两户合一"))));
    }

    [Fact]
    public async Task A_push_without_a_header_names_it_and_another_countys_roll_is_404()
    {
        await using var registry = new RegistryFactory();
        using var civilAffairs = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu);
        using var village = registry.JsonClient(PlatformRoles.VillageOfficer, Seeded.Qilipeng);
        var row = ScreeningKit.Row(ScreeningKit.NewNationalId(), 3000);

        var (missing, error) = await civilAffairs.PostJsonAsync(Rolls, Push(null, row));
        var (elsewhere, _) = await civilAffairs.PostJsonAsync(Rolls, Push(ScreeningKit.Header("w-1", registry.Today(), Seeded.Weishan), row));
        var (refused, _) = await village.PostJsonAsync(Rolls, Push(ScreeningKit.Header("v-1", registry.Today()), row));

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(["header"], JsonApi.ViolatedFields(error));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (elsewhere, refused));
        Assert.Equal(0, await registry.QueryAsync(db => db.AssistanceRollEntries.CountAsync()));
    }
}
