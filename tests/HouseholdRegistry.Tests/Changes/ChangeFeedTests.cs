using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Tests.Identification;
using Platform.Messaging.ChangeFeed;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Changes;

/// <summary>
/// The change feed as a department uses it: what a change carries, exactly-once resumption, a long
/// replay, region isolation, retention, and writers that never wait for a subscriber.
/// </summary>
public sealed class ChangeFeedTests
{
    [Fact]
    public async Task A_registration_and_a_member_change_reach_the_county_with_member_facts_masked_unless_the_scope_allows()
    {
        await using var h = new IdentificationHarness();
        var registry = h.Registry;
        var (household, _) = await h.RegisterAsync();
        await registry.Households.ChangeMembersAsync(new ChangeMembersRequest
        {
            HouseholdId = household.HouseholdId,
            Update = { new MemberFactsUpdate { MemberId = household.Members[2].MemberId, Health = HealthStatus.SeriousIllness, LabourCapacity = LabourCapacity.None, Schooling = SchoolingStatus.DroppedOut } },
        }, h.Village);

        var masked = await registry.AllAsync(registry.Department(Seeded.Huoqiu));
        var registered = Assert.Single(masked, c => c.Kind == HouseholdChangeKind.Registered);
        Assert.Equal((household.HouseholdId, Seeded.Qilipeng), (registered.HouseholdId, registered.RegionCode));
        // Members in form order, with their names, as the household file shows them.
        Assert.Equal(household.Members.Select(m => m.MemberId), registered.Registered.Members.Select(m => m.MemberId));
        Assert.Equal(household.Members.Select(m => m.Name), registered.Registered.Members.Select(m => m.Name));
        Assert.All(registered.Registered.Members, m => Assert.Contains("*", m.NationalId));
        var changed = Assert.Single(masked, c => c.Kind == HouseholdChangeKind.MembersChanged);
        Assert.Equal(HealthStatus.SeriousIllness, changed.MembersChanged.Members.Single(m => m.MemberId == household.Members[2].MemberId).Health);
        Assert.True(long.Parse(changed.Cursor) > long.Parse(registered.Cursor));

        var full = await registry.AllAsync(registry.Department(Seeded.Huoqiu, personalData: true));
        var ids = full.Single(c => c.Kind == HouseholdChangeKind.Registered).Registered.Members.Select(m => m.NationalId);
        Assert.Equal(Applications.Household(Seeded.Qilipeng).Members.Count, ids.Count());
        Assert.All(ids, id => Assert.Equal((18, -1), (id.Length, id.IndexOf('*'))));

        // Only the kinds asked for; every page read is audited with the department and its purpose.
        var exits = await registry.Feed().ListChangesAsync(new ListChangesRequest { Kinds = { HouseholdChangeKind.Registered } }, registry.Department(Seeded.Huoqiu));
        Assert.All(exits.Changes, c => Assert.Equal(HouseholdChangeKind.Registered, c.Kind));
        var audits = await registry.QueryAsync(db => db.AuditRecords.Where(a => a.Action == "changes.read").ToListAsync());
        Assert.True(audits.Count >= 3);
        Assert.All(audits, a => Assert.Equal(($"civil-affairs-{Seeded.Huoqiu}", "低保对象比对"), (a.Actor, a.Purpose)));
    }

    [Fact]
    public async Task A_subscriber_that_drops_mid_stream_resumes_from_its_last_cursor_and_sees_every_change_once_in_order()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 300, perSave: 7);
        await registry.NumberedAsync();
        var seen = new List<HouseholdChange>();

        // First connection: take 120 changes, then drop the connection.
        using (var first = new CancellationTokenSource())
        {
            using var call = registry.Feed().WatchChanges(new WatchChangesRequest(), registry.Department(Seeded.Huoqiu).WithCancellationToken(first.Token));
            while (seen.Count < 120 && await call.ResponseStream.MoveNext(first.Token))
            {
                seen.Add(call.ResponseStream.Current.Change);
            }

            await first.CancelAsync();
        }

        // Changes keep coming while it is away; it resumes from the last cursor it processed.
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 80, perSave: 3);
        using var resumed = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var second = registry.Feed().WatchChanges(new WatchChangesRequest { AfterCursor = seen[^1].Cursor }, registry.Department(Seeded.Huoqiu).WithCancellationToken(resumed.Token));
        while (seen.Count < 380 && await second.ResponseStream.MoveNext(resumed.Token))
        {
            seen.Add(second.ResponseStream.Current.Change);
        }

        // A live change after it caught up arrives on the open stream.
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 1);
        Assert.True(await second.ResponseStream.MoveNext(resumed.Token));
        seen.Add(second.ResponseStream.Current.Change);

        var logged = await registry.QueryAsync(db => db.Changes.OrderBy(c => c.Sequence).Select(c => c.SubjectId).ToListAsync());
        Assert.Equal(381, seen.Count);
        Assert.Equal(logged, seen.Select(c => Guid.Parse(c.HouseholdId)));
        Assert.Equal(Enumerable.Range(1, 381).Select(i => i.ToString()), seen.Select(c => c.Cursor));
    }

    [Fact]
    public async Task Concurrent_writers_changes_reach_a_live_subscriber_each_once_with_gap_free_cursors()
    {
        await using var registry = new RegistryFactory();
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var call = registry.Feed().WatchChanges(new WatchChangesRequest(), registry.Department(Seeded.Huoqiu).WithCancellationToken(done.Token));
        var received = Task.Run(async () =>
        {
            var seen = new List<HouseholdChange>();
            while (seen.Count < 8 * 40 && await call.ResponseStream.MoveNext(done.Token))
            {
                seen.Add(call.ResponseStream.Current.Change);
            }

            return seen;
        });

        // Eight writers at once: on PostgreSQL their transactions take row ids in one order and commit in another.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => registry.WriteMemberEventsAsync(Seeded.Qilipeng, 40, perSave: 2))));

        var seen = await received;
        var logged = await registry.QueryAsync(db => db.Changes.Select(c => c.SubjectId).ToListAsync());
        Assert.Equal(logged.Order(), seen.Select(c => Guid.Parse(c.HouseholdId)).Order());
        Assert.Equal(Enumerable.Range(1, 320).Select(i => i.ToString()), seen.Select(c => c.Cursor));
    }

    [Fact]
    public async Task Ten_thousand_changes_are_replayed_in_order()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 10_000);
        await registry.NumberedAsync();

        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var call = registry.Feed().WatchChanges(new WatchChangesRequest { Kinds = { HouseholdChangeKind.MembersChanged } }, registry.Department(Seeded.Huoqiu).WithCancellationToken(done.Token));
        var cursors = new List<long>(10_000);
        while (cursors.Count < 10_000 && await call.ResponseStream.MoveNext(done.Token))
        {
            cursors.Add(long.Parse(call.ResponseStream.Current.Change.Cursor));
        }

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), cursors);
    }

    [Fact]
    public async Task A_subscriber_of_one_county_never_sees_another_countys_change()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 30, perSave: 4);
        await registry.WriteMemberEventsAsync(Seeded.Xincun, 20, perSave: 3);

        var weishan = await registry.AllAsync(registry.Department(Seeded.Weishan));
        Assert.Equal(20, weishan.Count);
        Assert.All(weishan, c => Assert.Equal(Seeded.Xincun, c.RegionCode));
        var huoqiu = await registry.AllAsync(registry.Department(Seeded.Huoqiu));
        Assert.Equal(30, huoqiu.Count);
        Assert.All(huoqiu, c => Assert.Equal(Seeded.Qilipeng, c.RegionCode));
        // A village below the county reads its own only; the other county is not found, on both calls.
        Assert.Equal(30, (await registry.AllAsync(registry.Department(Seeded.Huoqiu), Seeded.Qilipeng)).Count);
        Assert.Empty(await registry.AllAsync(registry.Department(Seeded.Huoqiu), Seeded.Hekou));
        var refused = await Assert.ThrowsAsync<RpcException>(() => registry.Feed().ListChangesAsync(new ListChangesRequest { RegionCode = Seeded.Weishan }, registry.Department(Seeded.Huoqiu)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        using var stream = registry.Feed().WatchChanges(new WatchChangesRequest { RegionCode = Seeded.Xincun }, registry.Department(Seeded.Huoqiu));
        var streamed = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.NotFound, streamed.StatusCode);
    }

    [Fact]
    public async Task A_stalled_subscriber_does_not_hold_up_writers()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 3_000);
        await registry.NumberedAsync();

        // A subscriber that opens the stream and then reads nothing for a while.
        using var stalled = registry.Feed().WatchChanges(new WatchChangesRequest(), registry.Department(Seeded.Huoqiu));
        Assert.True(await stalled.ResponseStream.MoveNext(CancellationToken.None));

        // Officers keep writing meanwhile: applications go through, and their changes are numbered.
        var applied = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
            await registry.Households.ChangeMembersAsync(new ChangeMembersRequest
            {
                HouseholdId = household.HouseholdId,
                Update = { new MemberFactsUpdate { MemberId = household.Members[0].MemberId, Health = HealthStatus.Disability, DisabilityGrade = 2, LabourCapacity = LabourCapacity.Weak, Schooling = SchoolingStatus.NotOfSchoolAge } },
            }, registry.VillageOfficer(Seeded.Qilipeng));
            applied.Add(household.HouseholdId);
        }

        await registry.NumberedAsync();

        // Then it reads on, and everything is there, the officers' changes last.
        var seen = new List<HouseholdChange> { stalled.ResponseStream.Current.Change };
        while (seen.Count < 3_005 && await stalled.ResponseStream.MoveNext(CancellationToken.None))
        {
            seen.Add(stalled.ResponseStream.Current.Change);
        }

        Assert.Equal(applied, seen.TakeLast(5).Select(c => c.HouseholdId));
        Assert.All(seen.TakeLast(5), c => Assert.Equal(HouseholdChangeKind.MembersChanged, c.Kind));
    }

    [Fact]
    public async Task A_cursor_older_than_the_retention_is_refused_with_the_oldest_cursor_and_one_ahead_of_the_log_too()
    {
        // The pruner runs when the test says so, not when the clock jumps.
        await using var registry = RegistryFactory.With(new Dictionary<string, string> { ["ChangeFeed:PruneInterval"] = "00:00:00" });
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 10);
        await registry.NumberedAsync();
        registry.Clock.Advance(TimeSpan.FromDays(401));
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 3);
        await registry.NumberedAsync();

        var pruned = await registry.Services.GetRequiredService<ChangeLogPruner<RegistryDbContext>>().PruneAsync(CancellationToken.None);

        Assert.Equal(10, pruned);
        var expired = await Assert.ThrowsAsync<RpcException>(() => registry.Feed().ListChangesAsync(new ListChangesRequest { AfterCursor = "4" }, registry.Department(Seeded.Huoqiu)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        var info = expired.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("CURSOR_EXPIRED", "10"), (info.Reason, info.Metadata["oldest_cursor"]));
        Assert.Contains("oldest cursor available is 10", expired.Status.Detail);
        var rest = await registry.Feed().ListChangesAsync(new ListChangesRequest { AfterCursor = "10" }, registry.Department(Seeded.Huoqiu));
        Assert.Equal(["11", "12", "13"], rest.Changes.Select(c => c.Cursor));
        // An empty cursor starts at the oldest change kept.
        Assert.Equal(3, (await registry.Feed().ListChangesAsync(new ListChangesRequest(), registry.Department(Seeded.Huoqiu))).Changes.Count);

        var ahead = await Assert.ThrowsAsync<RpcException>(() => registry.Feed().ListChangesAsync(new ListChangesRequest { AfterCursor = "99" }, registry.Department(Seeded.Huoqiu)).ResponseAsync);
        Assert.Equal("CURSOR_AHEAD", ahead.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);

        // The newest change is never pruned, so numbering continues rather than restarting.
        registry.Clock.Advance(TimeSpan.FromDays(800));
        await registry.Services.GetRequiredService<ChangeLogPruner<RegistryDbContext>>().PruneAsync(CancellationToken.None);
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 1);
        Assert.Equal(["13", "14"], (await registry.AllAsync(registry.Department(Seeded.Huoqiu), after: "12")).Select(c => c.Cursor));
    }

    [Fact]
    public async Task The_dashboard_counts_numbered_and_delivered_changes_and_open_streams()
    {
        await using var registry = new RegistryFactory();
        var figures = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var meters = registry.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This registry's meters only: other tests' registries count in the same process.
            if (instrument.Meter.Name == ChangeFeedMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => figures.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => figures.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.Start();

        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 25);
        await registry.NumberedAsync();
        using (var call = registry.Feed().WatchChanges(new WatchChangesRequest(), registry.Department(Seeded.Huoqiu)))
        {
            for (var i = 0; i < 25; i++)
            {
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            }

            Assert.Equal(1, figures.GetValueOrDefault("pa.changes.streams"));
        }

        await registry.Feed().ListChangesAsync(new ListChangesRequest { PageSize = 10 }, registry.Department(Seeded.Huoqiu));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (figures.GetValueOrDefault("pa.changes.streams") != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(25, figures.GetValueOrDefault("pa.changes.numbered"));
        Assert.Equal(35, figures.GetValueOrDefault("pa.changes.delivered"));
        Assert.Equal(0, figures.GetValueOrDefault("pa.changes.streams"));
    }

    [Fact]
    public async Task A_first_run_takes_the_newest_cursor_reads_in_full_and_then_misses_nothing_written_meanwhile()
    {
        await using var registry = new RegistryFactory();
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 5);
        await registry.NumberedAsync();

        var start = await registry.Feed().ListChangesAsync(new ListChangesRequest { FromNow = true, AfterCursor = "1" }, registry.Department(Seeded.Huoqiu));
        Assert.Equal((0, "5", true), (start.Changes.Count, start.NextCursor, start.CaughtUp));

        // Written while the department reads its region in full: it gets them by following from that cursor.
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 2);
        await registry.NumberedAsync();
        using var live = registry.Feed().WatchChanges(new WatchChangesRequest { FromNow = true }, registry.Department(Seeded.Huoqiu));
        await live.ResponseHeadersAsync;
        await registry.WriteMemberEventsAsync(Seeded.Qilipeng, 1);
        Assert.Equal(["6", "7"], (await registry.AllAsync(registry.Department(Seeded.Huoqiu), after: start.NextCursor)).Take(2).Select(c => c.Cursor));
        Assert.True(await live.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("8", live.ResponseStream.Current.Change.Cursor);
    }

    [Fact]
    public async Task A_malformed_cursor_or_kind_is_refused_naming_the_field()
    {
        await using var registry = new RegistryFactory();
        var error = await Assert.ThrowsAsync<RpcException>(() => registry.Feed().ListChangesAsync(new ListChangesRequest { AfterCursor = "abc", PageSize = 5000, Kinds = { HouseholdChangeKind.Unspecified } }, registry.Department(Seeded.Huoqiu)).ResponseAsync);
        Assert.Equal(["after_cursor", "kinds[0]", "page_size"], RpcAssert.InvalidFields(error).Order());
    }
}
