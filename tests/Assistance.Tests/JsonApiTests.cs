using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Exchange;
using Platform.Security;
using WaterAssessmentEntity = Platform.Assistance.Water.WaterAssessment;

namespace Platform.Assistance.Tests;

/// <summary>
/// The assistance service over HTTP/JSON, as a department system without gRPC uses it: reads, and
/// a department's batch pushed as one POST, with the same callers, scopes, region scope and rules as over gRPC.
/// </summary>
public sealed class JsonApiTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private const string WaterBatches = "/v1/assistance/water/records:batch";

    private static string WaterRow(string nationalId, string key, DateOnly on) =>
        $$"""{"nationalId":"{{nationalId}}","quantityMet":true,"qualityMet":false,"convenienceMet":true,"reliabilityMet":true,"assessedOn":{"year":{{on.Year}},"month":{{on.Month}},"day":{{on.Day}}},"assessor":"provincial water lab","recordKey":"{{key}}"}""";

    private static string Batch(string batchId, params string[] rows) =>
        $$"""{"header":{"batchId":"{{batchId}}","sourceSystem":"water-sis"},"rows":[{{string.Join(',', rows)}}]}""";

    private HttpClient WaterDepartment(string region = TestRegions.County) =>
        service.JsonClient(PlatformRoles.DepartmentClient, region, scopes: [PlatformClaims.DepartmentScope("water")]);

    [Fact]
    public async Task A_households_guarantees_read_over_http_are_the_grpc_answer_in_camel_case_json()
    {
        var household = await service.Household().Head().RegisterAsync();
        var grpc = await service.Client<GuaranteeService.GuaranteeServiceClient>()
            .GetHouseholdGuaranteesAsync(new GetHouseholdGuaranteesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));

        using var http = service.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);
        var (status, body) = await http.GetJsonAsync($"/v1/assistance/households/{household.Id}/guarantees");

        Assert.Equal(HttpStatusCode.OK, status);
        var json = body.GetProperty("guarantees");
        Assert.Equal(household.Id.ToString(), json.GetProperty("householdId").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("foodAndClothing").ValueKind);
        Assert.Equal(grpc, JsonApi.Parse<GetHouseholdGuaranteesResponse>(body));
    }

    [Fact]
    public async Task A_water_department_pushes_a_batch_as_one_post_and_bad_rows_are_reported_by_position()
    {
        var household = await service.Household().Head().RegisterAsync();
        var key = $"w-{Guid.NewGuid():N}";
        var batch = Batch($"b-{Guid.NewGuid():N}", WaterRow(household.Head.NationalId, key, service.Today), WaterRow("123", $"{key}-2", service.Today));
        using var http = WaterDepartment();

        var (status, body) = await http.PostJsonAsync(WaterBatches, batch);
        var (again, replay) = await http.PostJsonAsync(WaterBatches, batch);

        Assert.Equal(HttpStatusCode.OK, status);
        var report = JsonApi.Parse<PushWaterAssessmentsResponse>(body).Report;
        Assert.Equal((2, 1, 1), (report.RowsReceived, report.RowsApplied, report.RowsRejected));
        Assert.Contains(report.Problems, p => p is { Position: 2, Field: "national_id" });
        var kept = Assert.Single(await service.QueryAsync(db => db.Set<WaterAssessmentEntity>().Where(a => a.HouseholdId == household.Id).ToListAsync()));
        Assert.Equal((key, false), (kept.RecordKey, kept.Quality.Meets));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(replay.GetProperty("report").GetProperty("replayed").GetBoolean());
    }

    [Fact]
    public async Task A_push_without_its_header_answers_400_naming_the_field()
    {
        using var http = WaterDepartment();

        var (status, body) = await http.PostJsonAsync(WaterBatches, """{"rows":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["header"], JsonApi.ViolatedFields(body));
    }

    [Fact]
    public async Task An_invalid_id_answers_400_naming_the_field()
    {
        using var http = service.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);

        var (status, body) = await http.GetJsonAsync("/v1/assistance/households/not-a-uuid/guarantees");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["household_id"], JsonApi.ViolatedFields(body));
    }

    [Fact]
    public async Task No_token_answers_401_and_another_departments_scope_403()
    {
        using var anonymous = service.JsonClient(role: null);
        using var health = service.JsonClient(PlatformRoles.DepartmentClient, TestRegions.County, scopes: [PlatformClaims.DepartmentScope("health")]);

        var (unauthenticated, reason) = await anonymous.PostJsonAsync(WaterBatches, Batch("b-anonymous"));
        var (refused, refusal) = await health.PostJsonAsync(WaterBatches, Batch($"b-{Guid.NewGuid():N}"));

        Assert.Equal((HttpStatusCode.Unauthorized, 16), (unauthenticated, reason.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Forbidden, 7), (refused, refusal.GetProperty("code").GetInt32()));
        Assert.Contains("department:water", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_countys_household_answers_404()
    {
        var household = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        using var http = service.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);

        var (status, body) = await http.GetJsonAsync($"/v1/assistance/households/{household.Id}/guarantees");

        Assert.Equal((HttpStatusCode.NotFound, 5), (status, body.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_reads_and_the_four_department_pushes()
    {
        using var anonymous = service.JsonClient(role: null);

        var paths = await JsonApi.OpenApiPathsAsync(anonymous);

        Assert.Contains("/v1/assistance/households/{householdId}/guarantees", paths);
        Assert.Contains("/v1/assistance/regions/{regionCode}/coverage", paths);
        Assert.All(new[] { "education", "health", "housing", "water" }, area => Assert.Contains($"/v1/assistance/{area}/records:batch", paths));
    }
}
