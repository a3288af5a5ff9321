using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Changes;

/// <summary>The change feed over HTTP/JSON (the stream as newline-delimited JSON objects), for department systems without gRPC: pages, the stream, and a refused cursor.</summary>
public sealed class ChangeFeedJsonTests
{
    [Fact]
    public async Task A_department_polls_changes_over_http_and_gets_the_grpc_pages_in_json()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 7);
        await registry.WriteMemberEventsAsync(Seeded.Xincun, 2);
        await registry.NumberedAsync();
        using var http = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu, purpose: "低保对象比对");

        var (status, body) = await http.GetJsonAsync("/v1/registry/changes?pageSize=5&kinds=HOUSEHOLD_CHANGE_KIND_MEMBERS_CHANGED");
        Assert.Equal(HttpStatusCode.OK, status);
        var first = JsonApi.Parse<ListChangesResponse>(body);
        Assert.Equal(5, body.GetProperty("changes").GetArrayLength());
        Assert.Equal("HOUSEHOLD_CHANGE_KIND_MEMBERS_CHANGED", body.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.False(first.CaughtUp);

        var (_, rest) = await http.GetJsonAsync($"/v1/registry/changes?afterCursor={first.NextCursor}&pageSize=5");
        var second = JsonApi.Parse<ListChangesResponse>(rest);
        Assert.Equal(2, second.Changes.Count);
        Assert.True(second.CaughtUp);
        Assert.All(first.Changes.Concat(second.Changes), c => Assert.Equal(Seeded.Qilipeng, c.RegionCode));

        // The same pages as a gRPC caller gets.
        var grpc = await registry.Feed().ListChangesAsync(new ListChangesRequest { PageSize = 5, Kinds = { HouseholdChangeKind.MembersChanged } }, registry.Department(Seeded.Huoqiu));
        Assert.Equal(grpc, first);
    }

    [Fact]
    public async Task An_expired_cursor_over_http_carries_the_oldest_cursor_and_another_county_is_404()
    {
        await using var registry = RegistryFactory.With(new Dictionary<string, string> { ["ChangeFeed:PruneInterval"] = "00:00:00" });
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 4);
        await registry.NumberedAsync();
        registry.Clock.Advance(TimeSpan.FromDays(401));
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 1);
        await registry.NumberedAsync();
        await registry.Services.GetRequiredService<Platform.Messaging.ChangeFeed.ChangeLogPruner<Data.RegistryDbContext>>().PruneAsync(CancellationToken.None);
        using var http = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu);

        var (status, error) = await http.GetJsonAsync("/v1/registry/changes?afterCursor=1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(9, error.GetProperty("code").GetInt32());
        var info = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal(("CURSOR_EXPIRED", "4"), (info.GetProperty("reason").GetString(), info.GetProperty("metadata").GetProperty("oldest_cursor").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetJsonAsync($"/v1/registry/changes?regionCode={Seeded.Weishan}")).Status);
    }

    [Fact]
    public async Task The_stream_over_http_sends_one_json_object_per_change()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 3);
        await registry.NumberedAsync();
        using var http = registry.JsonClient(PlatformRoles.DepartmentClient, Seeded.Huoqiu);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await http.GetAsync(new Uri("/v1/registry/changes:watch", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        var cursors = new List<string>();
        using var reader = new StreamReader(body);
        var text = "";
        while (cursors.Count < 3)
        {
            var buffer = new char[4096];
            var read = await reader.ReadAsync(buffer, stop.Token);
            text += new string(buffer, 0, read);
            cursors = [.. JsonObjects(text).Select(o => o.GetProperty("change").GetProperty("cursor").GetString()!)];
        }

        Assert.Equal(["1", "2", "3"], cursors);
    }

    /// <summary>The complete messages of a streamed body so far: one JSON object per line.</summary>
    private static IEnumerable<JsonElement> JsonObjects(string text) =>
        text.Split('\n').SkipLast(1).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement);
}
