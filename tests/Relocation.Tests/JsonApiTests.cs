using System.Net;
using Pa.Relocation.V1;
using Platform.Relocation.Tests.Sites;
using Platform.Security;

namespace Platform.Relocation.Tests;

/// <summary>
/// The relocation service's reads over HTTP/JSON, as a department system without gRPC calls them:
/// the same answers, callers, region scope and field rules as over gRPC. (Relocation takes no
/// department pushes, so it has no POST route.)
/// </summary>
public sealed class JsonApiTests(RelocationFactory factory) : IClassFixture<RelocationFactory>
{
    [Fact]
    public async Task A_site_read_over_http_is_the_grpc_answer_in_camel_case_json()
    {
        var site = await factory.CreateSiteAsync(TestRegions.Township, 10, 40, ("1-101", 7500));
        var grpc = await factory.Sites().GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, factory.CountyOf(TestRegions.Township));

        using var http = factory.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);
        var (status, body) = await http.GetJsonAsync($"/v1/relocation/sites/{site.SiteId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var json = body.GetProperty("site");
        Assert.Equal(site.SiteId, json.GetProperty("siteId").GetString());
        Assert.Equal(40, json.GetProperty("capacityPeople").GetInt32());
        Assert.Equal("SITE_TYPE_CENTRALISED_TOWN", json.GetProperty("type").GetString());
        Assert.Equal(grpc, JsonApi.Parse<GetSiteResponse>(body));
    }

    [Fact]
    public async Task A_list_takes_its_filters_and_page_from_the_query_string()
    {
        await factory.CreateSiteAsync(TestRegions.Township, 10, 40);
        await factory.CreateSiteAsync(TestRegions.Township, 10, 40);
        using var http = factory.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);

        var (status, body) = await http.GetJsonAsync($"/v1/relocation/sites?regionCode={TestRegions.County}&page.pageSize=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(body.GetProperty("sites").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("page").GetProperty("nextPageToken").GetString()));
    }

    [Fact]
    public async Task An_invalid_id_answers_400_naming_the_field()
    {
        using var http = factory.JsonClient(PlatformRoles.CountyOfficer, TestRegions.County);

        var (status, body) = await http.GetJsonAsync("/v1/relocation/sites/not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["site_id"], JsonApi.ViolatedFields(body));
    }

    [Fact]
    public async Task No_token_answers_401_with_the_reason()
    {
        using var http = factory.JsonClient(role: null);

        var (status, body) = await http.GetJsonAsync($"/v1/relocation/sites?regionCode={TestRegions.County}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(16, body.GetProperty("code").GetInt32());
        Assert.Equal(AuthenticationRefusal.MissingToken, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_countys_site_answers_404_and_a_role_that_may_not_read_403()
    {
        var site = await factory.CreateSiteAsync(TestRegions.Township, 10, 40);
        using var otherCounty = factory.JsonClient(PlatformRoles.CountyOfficer, TestRegions.OtherCounty);
        using var operatorClient = factory.JsonClient(PlatformRoles.Operator, TestRegions.Province);

        var (elsewhere, elsewhereBody) = await otherCounty.GetJsonAsync($"/v1/relocation/sites/{site.SiteId}");
        var (refused, refusedBody) = await operatorClient.GetJsonAsync($"/v1/relocation/sites/{site.SiteId}");

        Assert.Equal((HttpStatusCode.NotFound, 5), (elsewhere, elsewhereBody.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Forbidden, 7), (refused, refusedBody.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_annotated_reads()
    {
        using var anonymous = factory.JsonClient(role: null);

        var paths = await JsonApi.OpenApiPathsAsync(anonymous);

        Assert.Contains("/v1/relocation/sites/{siteId}", paths);
        Assert.Contains("/v1/relocation/regions/{regionCode}/statistics", paths);
        Assert.Contains("/v1/relocation/follow-up/cases", paths);
        // Every read of this service, and nothing that changes records.
        Assert.Equal(11, paths.Count);
    }

    [Fact]
    public async Task The_openapi_document_describes_a_call_with_its_proto_comment()
    {
        using var anonymous = factory.JsonClient(role: null);

        var (status, document) = await anonymous.GetJsonAsync(Platform.ServiceDefaults.OpenApiDocument.Path);

        Assert.Equal(HttpStatusCode.OK, status);
        var getSite = document.GetProperty("paths").GetProperty("/v1/relocation/sites/{siteId}").GetProperty("get");
        Assert.StartsWith("The site with its units", getSite.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
