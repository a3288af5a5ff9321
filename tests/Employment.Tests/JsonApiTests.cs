using System.Net;
using Pa.Employment.V1;
using Platform.Security;
using static Platform.Employment.Tests.Labour.LabourRequests;

namespace Platform.Employment.Tests;

/// <summary>
/// The employment service's reads over HTTP/JSON, as the human-resources department's system calls
/// them: the same answers, callers, region scope and field rules as over gRPC. (No department
/// records anything here, so there is no POST route.)
/// </summary>
public sealed class JsonApiTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private HttpClient HumanResources(string region = TestRegions.Province) =>
        service.JsonClient(PlatformRoles.DepartmentClient, region, scopes: [PlatformClaims.DepartmentScope("human-resources")]);

    [Fact]
    public async Task A_labour_archive_read_over_http_is_the_grpc_answer_in_camel_case_json()
    {
        var household = await service.Household().Head().RegisterAsync();
        var grpc = await service.Client<LabourService.LabourServiceClient>().GetLabourArchiveAsync(Archive(household, household.Head), service.HumanResources());

        using var http = HumanResources();
        var (status, body) = await http.GetJsonAsync($"/v1/employment/households/{household.Id}/labour-archive?memberId={household.Head.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        var json = body.GetProperty("archive");
        Assert.Equal((household.Id.ToString(), household.Head.Id.ToString()), (json.GetProperty("householdId").GetString(), json.GetProperty("memberId").GetString()));
        Assert.Equal("NORMAL", json.GetProperty("labourCapacity").GetString()?.ToUpperInvariant());
        Assert.Equal(grpc, JsonApi.Parse<GetLabourArchiveResponse>(body));
    }

    [Fact]
    public async Task An_invalid_query_field_answers_400_naming_it()
    {
        var household = await service.Household().Head().RegisterAsync();
        using var http = HumanResources();

        var (status, body) = await http.GetJsonAsync($"/v1/employment/households/{household.Id}/labour-archive?memberId=not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["member_id"], JsonApi.ViolatedFields(body));
    }

    [Fact]
    public async Task No_token_answers_401_and_a_role_that_may_not_read_403()
    {
        var household = await service.Household().Head().RegisterAsync();
        var path = $"/v1/employment/households/{household.Id}/labour-archive?memberId={household.Head.Id}";
        using var anonymous = service.JsonClient(role: null);
        using var operatorClient = service.JsonClient(PlatformRoles.Operator, TestRegions.Province);

        var (unauthenticated, reason) = await anonymous.GetJsonAsync(path);
        var (refused, refusal) = await operatorClient.GetJsonAsync(path);

        Assert.Equal((HttpStatusCode.Unauthorized, 16), (unauthenticated, reason.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Forbidden, 7), (refused, refusal.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Another_countys_household_answers_404()
    {
        var household = await service.Household().Head().RegisterAsync();
        using var http = HumanResources(TestRegions.OtherCounty);

        var (status, body) = await http.GetJsonAsync($"/v1/employment/households/{household.Id}/labour-archive?memberId={household.Head.Id}");

        Assert.Equal((HttpStatusCode.NotFound, 5), (status, body.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_annotated_reads()
    {
        using var anonymous = service.JsonClient(role: null);

        var paths = await JsonApi.OpenApiPathsAsync(anonymous);

        Assert.Contains("/v1/employment/households/{householdId}/labour-archive", paths);
        Assert.Contains("/v1/employment/projects/{projectId}", paths);
        Assert.Contains("/v1/employment/villages/{villageCode}/post-totals", paths);
        Assert.DoesNotContain(paths, p => p.Contains("payroll", StringComparison.Ordinal));
    }
}
