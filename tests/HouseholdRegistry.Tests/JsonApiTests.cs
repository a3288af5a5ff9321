using System.Net;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// The registry over HTTP/JSON, as a department system without gRPC uses it: reads (masked as over
/// gRPC) and a department's cross-checked facts pushed by POST, with the same callers, region scope
/// and rules.
/// </summary>
public sealed class JsonApiTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private static string CheckedVehicle(string source) =>
        """{"facts":{"ownsMotorVehicle":{"present":true,"source":"SOURCE","evidence":"公安车辆登记 皖N·12345"}}}""".Replace("SOURCE", source, StringComparison.Ordinal);

    [Fact]
    public async Task A_household_read_over_http_is_the_grpc_answer_in_camel_case_json_with_ids_masked()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var grpc = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));

        using var http = registry.JsonClient(PlatformRoles.CountyOfficer, Seeded.Huoqiu);
        var (status, body) = await http.GetJsonAsync($"/v1/registry/households/{household.HouseholdId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var json = body.GetProperty("household");
        Assert.Equal(household.HouseholdId, json.GetProperty("householdId").GetString());
        Assert.Equal("HOUSEHOLD_STATUS_APPLIED", json.GetProperty("status").GetString());
        Assert.All(json.GetProperty("members").EnumerateArray(), m => Assert.Contains("********", m.GetProperty("nationalId").GetString(), StringComparison.Ordinal));
        Assert.Equal(grpc, JsonApi.Parse<GetHouseholdResponse>(body));
    }

    [Fact]
    public async Task A_department_posts_cross_checked_facts_and_the_registry_screens_the_household()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        using var department = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu);

        var (status, body) = await department.PostJsonAsync($"/v1/registry/households/{household.HouseholdId}/checked-facts", CheckedVehicle("FACT_SOURCE_CROSS_CHECKED"));

        Assert.Equal(HttpStatusCode.OK, status);
        var result = JsonApi.Parse<RecordCheckedFactsResponse>(body);
        Assert.Equal(("owns_motor_vehicle", FactSource.CrossChecked), (Assert.Single(result.Hits).Rule, result.Hits[0].Source));
        Assert.Equal(CaseOutcome.Excluded, result.Case.Outcome);
    }

    [Fact]
    public async Task An_invalid_field_answers_400_naming_it()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        using var department = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu);

        var (status, body) = await department.PostJsonAsync($"/v1/registry/households/{household.HouseholdId}/checked-facts", CheckedVehicle("FACT_SOURCE_DECLARED"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["facts.owns_motor_vehicle.source"], JsonApi.ViolatedFields(body));
    }

    [Fact]
    public async Task No_token_answers_401_and_a_role_that_may_not_push_403()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        using var anonymous = registry.JsonClient(role: null);
        using var village = registry.JsonClient(PlatformRoles.VillageOfficer, Seeded.Qilipeng);

        var (unauthenticated, reason) = await anonymous.GetJsonAsync($"/v1/registry/households/{household.HouseholdId}");
        var (refused, refusal) = await village.PostJsonAsync($"/v1/registry/households/{household.HouseholdId}/checked-facts", CheckedVehicle("FACT_SOURCE_CROSS_CHECKED"));

        Assert.Equal((HttpStatusCode.Unauthorized, AuthenticationRefusal.MissingToken), (unauthenticated, reason.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, 7), (refused, refusal.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Another_countys_household_answers_404()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        using var elsewhere = registry.JsonClient(PlatformRoles.CountyOfficer, Seeded.Weishan);

        var (status, body) = await elsewhere.GetJsonAsync($"/v1/registry/households/{household.HouseholdId}");

        Assert.Equal((HttpStatusCode.NotFound, 5), (status, body.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task A_list_reads_its_filters_from_the_query_string()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        using var http = registry.JsonClient(PlatformRoles.CountyOfficer, Seeded.Huoqiu);

        var (status, body) = await http.GetJsonAsync($"/v1/registry/households?regionCode={Seeded.Qilipeng}&status=HOUSEHOLD_STATUS_APPLIED&page.pageSize=200");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body.GetProperty("households").EnumerateArray(), h => h.GetProperty("householdId").GetString() == household.HouseholdId);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_reads_and_the_checked_facts_push()
    {
        using var anonymous = registry.JsonClient(role: null);

        var paths = await JsonApi.OpenApiPathsAsync(anonymous);

        Assert.Contains("/v1/registry/households/{householdId}", paths);
        Assert.Contains("/v1/registry/villages/{villageCode}/battle-map", paths);
        Assert.Contains("/v1/registry/households/{householdId}/checked-facts", paths);
    }
}
