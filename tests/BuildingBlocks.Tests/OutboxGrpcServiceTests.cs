using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pa.Operations.V1;
using Platform.Messaging;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.BuildingBlocks.Tests;

/// <summary>pa.operations.v1.OutboxService as a service maps it: authenticated, operators only, validated, audited.</summary>
public sealed class OutboxGrpcServiceTests : IAsyncLifetime
{
    private OperationsTestHost _host = null!;

    private OutboxService.OutboxServiceClient Client => new(_host.Channel);

    private MessagingTestDatabase Database => _host.Database;

    public async Task InitializeAsync() => _host = await OperationsTestHost.StartAsync<OutboxGrpcService>(builder =>
    {
        builder.Configuration["Messaging:InboxPruneInterval"] = "00:00:00";
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxRelay<MessagingTestDbContext>)));
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CallOptions As(string role, string region, string purpose = "outbox check") => _host.As(role, region, purpose);

    private CallOptions Operator => As(PlatformRoles.Operator, "340000000000");

    /// <summary>Rows as the relay leaves them after a failed attempt.</summary>
    private async Task<List<long>> ProblemRowsAsync(int count)
    {
        var now = DateTime.UtcNow;
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Database.AddUnpublishableRowAsync($"household-{i}", now));
        }

        await Database.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Unpublishable, true).SetProperty(m => m.Attempts, 3)
            .SetProperty(m => m.NextAttemptAt, now.AddMinutes(1)).SetProperty(m => m.LastError, "UnpublishableRowException: type not loaded")));
        return ids;
    }

    [Fact]
    public async Task Officers_are_refused_and_callers_without_a_token_unauthenticated()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ListProblemEventsAsync(new ListProblemEventsRequest(), As(PlatformRoles.ProvincialOfficer, "340000000000")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.RetryEventsAsync(new RetryEventsRequest { All = true }, As(PlatformRoles.Auditor, "340000000000")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ParkEventsAsync(new ParkEventsRequest { AllUnpublishable = true }, As(PlatformRoles.CountyOfficer, "341522000000")));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, Client.ListProblemEventsAsync(new ListProblemEventsRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));
    }

    [Fact]
    public async Task Operators_list_problem_events_page_by_page_without_their_bodies()
    {
        var ids = await ProblemRowsAsync(3);

        var first = await Client.ListProblemEventsAsync(new ListProblemEventsRequest { Page = new() { PageSize = 2 } }, Operator);
        var second = await Client.ListProblemEventsAsync(new ListProblemEventsRequest { Page = new() { PageSize = 2, PageToken = first.Page.NextPageToken } }, Operator);

        Assert.Equal(ids.Take(2), first.Events.Select(e => e.RowId));
        Assert.Equal(3, first.Page.TotalSize);
        Assert.Equal(ids.Skip(2), second.Events.Select(e => e.RowId));
        Assert.Equal("", second.Page.NextPageToken);
        var problem = first.Events[0];
        Assert.Equal("household-0", problem.AggregateKey);
        Assert.Equal(3, problem.Attempts);
        Assert.True(problem.Unpublishable);
        Assert.NotNull(problem.NextAttemptAt);
        Assert.Null(problem.ParkedAt);
        Assert.Contains("type not loaded", problem.LastError);
    }

    [Fact]
    public async Task Operators_park_and_retry_listed_rows_and_each_row_is_audited_with_their_purpose()
    {
        var ids = await ProblemRowsAsync(3);

        var parked = await Client.ParkEventsAsync(new ParkEventsRequest { RowIds = { ids[0], ids[1] } }, As(PlatformRoles.Operator, "340000000000", "type retired"));
        var retried = await Client.RetryEventsAsync(new RetryEventsRequest { All = true }, As(PlatformRoles.Operator, "340000000000", "after deploy"));

        Assert.Equal(2, parked.Parked);
        Assert.Equal(3, retried.Retried);
        var audit = await Database.QueryAsync(db => db.AuditRecords.Where(a => a.Action != "outbox.list-problems").OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.EntityId, a.Purpose, a.Actor }).ToListAsync());
        Assert.Equal(
            ids.Take(2).Select(id => ("outbox.park", id.ToString(), "type retired"))
                .Concat(ids.Select(id => ("outbox.retry", id.ToString(), "after deploy"))),
            audit.Select(a => (a.Action, a.EntityId, a.Purpose)));
        Assert.All(audit, a => Assert.Equal("operator-1", a.Actor));
    }

    [Fact]
    public async Task A_request_must_name_rows_or_all_but_not_both()
    {
        var both = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RetryEventsAsync(new RetryEventsRequest { RowIds = { 1 }, All = true }, Operator));
        var neither = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ParkEventsAsync(new ParkEventsRequest(), Operator));
        var tooMany = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Client.ParkEventsAsync(new ParkEventsRequest { RowIds = { Enumerable.Range(1, OutboxGrpcService.MaxRowIds + 1).Select(i => (long)i) } }, Operator));
        var badToken = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Client.ListProblemEventsAsync(new ListProblemEventsRequest { Page = new() { PageToken = Paging.Token(Paging.ListOf(OutboxService.Descriptor.FindMethodByName("ListProblemEvents")), "not-a-row") } }, Operator));

        Assert.Equal("row_ids", RpcAssert.InvalidField(both));
        Assert.Equal("row_ids", RpcAssert.InvalidField(neither));
        Assert.Equal("row_ids", RpcAssert.InvalidField(tooMany));
        Assert.Equal("page.page_token", RpcAssert.InvalidField(badToken));
    }
}
