using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.AppHost;
using Platform.Resources;
using Platform.Security;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>The suite in the shape it runs in production: PostgreSQL, two replicas of every service. Started once for the class.</summary>
public sealed class ReplicatedPostgresSuite : IAsyncLifetime
{
    private Suite? suite;

    public Suite Suite => suite ?? throw new InvalidOperationException("The replicated suite did not start.");

    public async Task InitializeAsync() => suite = await Suite.StartAsync("Database:Provider=Postgres", "Replicas=2");

    // Null when start-up failed part way (its own error is the one that matters).
    public async Task DisposeAsync()
    {
        if (suite is not null)
        {
            await suite.DisposeAsync();
        }
    }
}

/// <summary>
/// The flows hold with two replicas of every service on PostgreSQL; and households filed over both
/// registry replicas, while one of them crashes and the broker restarts, reach every consumer of
/// the registry's member events once and in order.
/// </summary>
public sealed class TwoReplicasOnPostgresTests(ReplicatedPostgresSuite fixture, ITestOutputHelper output) : IClassFixture<ReplicatedPostgresSuite>
{
    private const int Households = 2000;

    /// <summary>Concurrent officers filing; half of them start on each registry replica.</summary>
    private const int Officers = 8;

    /// <summary>河口镇 and its two villages (seeded in the registry): the other flows file elsewhere, so these hold only this test's households.</summary>
    private const string Township = "341522101000";

    private static readonly string[] Villages = ["341522101201", "341522101202"];

    /// <summary>
    /// Each service's replica of household members, as its database keeps it (table of members with
    /// household, member id, labour capacity and whether the member is still in the household).
    /// </summary>
    private static readonly (string Database, string Table)[] MemberReplicas =
    [
        (ResourceNames.AssistanceDatabase, "Members"),
        (ResourceNames.EmploymentDatabase, "Labourers"),
        (ResourceNames.RelocationDatabase, "Members"),
    ];

    /// <summary>The inbox rows of the consumers of the registry's member events.</summary>
    private const string MemberEvents = "\"Consumer\" LIKE '%.HouseholdMembersChangedConsumer'";

    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);

    private Suite Suite => fixture.Suite;

    private const string StartsTooSlowly = "Issue 12, open: run alone it passes (0 households out of order, 3 min 42 s), but after the SQLite end-to-end suite in the same process a registry replica stayed NOT_SERVING past the 6-minute start-up limit twice since single-active-consumer queues came in (cause not yet found). Run it by removing Skip.";

    [Fact]
    public async Task The_application_to_exit_flow_holds_with_two_replicas_of_every_service_on_postgres()
    {
        foreach (var service in Suite.Services)
        {
            Assert.Equal(2, Suite.InstanceIds(service).Count);
        }

        await SuiteFlows.ApplicationToRegistrationToExitAsync(Suite);
    }

    [Fact]
    public async Task Households_filed_over_both_registry_replicas_reach_every_consumer_once_and_in_order_through_a_replica_crash_and_a_broker_restart()
    {
        using var registry = new RegistryReplicas(Suite, Suite.InstanceIds(ResourceNames.HouseholdRegistry));
        var officers = Villages.ToDictionary(v => v, v => Suite.Officer(PlatformRoles.VillageOfficer, v, personalData: true));
        var filed = new ConcurrentDictionary<int, (Household Final, Member Former)>();
        var clock = Stopwatch.StartNew();
        var done = 0;
        Task<TimeSpan>? brokerRestart = null;
        (RegistryReplicas.Replica Replica, TimeSpan At)? crash = null;

        await Parallel.ForEachAsync(Enumerable.Range(0, Households), new ParallelOptions { MaxDegreeOfParallelism = Officers }, async (i, _) =>
        {
            var village = Villages[i / 2 % Villages.Length];
            filed[i] = await FileAndChangeMembersAsync(registry, i, village, officers[village]);
            var count = Interlocked.Increment(ref done);
            if (count == Households / 3)
            {
                brokerRestart = RestartBrokerAsync(clock);
            }
            else if (count == Households / 2)
            {
                crash = (await registry.CrashAsync(0), clock.Elapsed);
            }
        });
        var filing = clock.Elapsed;
        var brokerBack = await brokerRestart!;
        output.WriteLine($"Filed {Households} households (3 calls each, {Officers} officers) in {filing.TotalSeconds:0.0} s: {3 * Households / filing.TotalSeconds:0} calls/s");
        output.WriteLine($"Broker restarted at {Households / 3} households, back after {brokerBack.TotalSeconds:0.0} s; {crash!.Value.Replica.Id} crashed at {crash.Value.At.TotalSeconds:0.0} s with {crash.Value.Replica.InFlightAtCrash} calls in flight");
        foreach (var replica in registry.All)
        {
            output.WriteLine($"{replica.Id}: served {replica.Served} calls, {replica.CutOff} cut off by its crash and retried, {replica.Aborted} answered Aborted and made again, {replica.LateCommits} repeats met the lost attempt's late commit");
        }

        // Both replicas took calls; the crashed one until it died, and the AppHost started it again in a new process.
        Assert.All(registry.All, replica => Assert.True(replica.Served > 0, $"{replica.Id} served no call."));
        await Suite.WaitUntilAsync(() => Task.FromResult(Restarted(Suite.Instance(crash.Value.Replica.Id), crash.Value.Replica.ProcessId)),
            TimeSpan.FromMinutes(3), () => $"{crash.Value.Replica.Id} is {Suite.Instance(crash.Value.Replica.Id).Snapshot.State?.Text}.");
        Assert.Equal(Households, filed.Count);
        using (var channel = Suite.Channel(ResourceNames.HouseholdRegistry))
        {
            var county = Suite.Officer(PlatformRoles.CountyOfficer, Township[..6] + "000000");
            var listed = await new HouseholdService.HouseholdServiceClient(channel).ListHouseholdsAsync(
                new ListHouseholdsRequest { RegionCode = Township, Page = new PageRequest { PageSize = 1 } }, county);
            Assert.Equal(Households, listed.Page.TotalSize);
        }

        // Every consumer's replica holds each household's final members: the head's changed labour
        // capacity, the child, and the spouse who moved out no longer current. The first change applied
        // after the second (or the second lost) would leave the spouse current and the head as filed.
        var expected = filed.Values.ToDictionary(h => Guid.Parse(h.Final.HouseholdId), h => h);
        var settled = Stopwatch.StartNew();
        var unseen = await SettledAsync(expected);
        output.WriteLine($"Every replica of members matched {settled.Elapsed.TotalSeconds:0.0} s after the last filing; {clock.Elapsed.TotalSeconds:0.0} s in all");
        // In order: the first change (the child born) listed the spouse as a current member before the
        // second moved her out. Had the second arrived first, the first, older, would change nothing, and
        // the spouse would never be listed.
        Assert.All(unseen, u => Assert.True(u.Value == 0, $"{u.Key}: {u.Value} households never listed the spouse: their member changes arrived out of order."));

        // Each consumer applied each of the 2 × N member events exactly once (its inbox records every event it applied, once).
        foreach (var (database, _) in MemberReplicas)
        {
            Assert.Equal(2 * Households, await ScalarAsync(database, $"""SELECT count(*) FROM "InboxMessages" WHERE {MemberEvents}"""));
            var span = await ScalarAsync(database, $"""SELECT CAST(EXTRACT(EPOCH FROM max("ProcessedAt") - min("ProcessedAt")) * 1000 AS bigint) FROM "InboxMessages" WHERE {MemberEvents}""");
            output.WriteLine($"{database}: applied {2 * Households} member events in {span / 1000.0:0.0} s from its first to its last: {2 * Households * 1000.0 / Math.Max(span, 1):0} events/s");
        }

        // Nothing is left to publish, and no message failed into an error queue.
        foreach (var database in new[] { ResourceNames.RegistryDatabase, ResourceNames.AssistanceDatabase, ResourceNames.EmploymentDatabase, ResourceNames.RelocationDatabase })
        {
            Assert.Equal(0, await ScalarAsync(database, """SELECT count(*) FROM "OutboxMessages" """));
        }

        // The operator's view agrees: the dashboard's outbox command on the surviving registry replica finds nothing stuck.
        var stuck = await Suite.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(Suite.InstanceIds(ResourceNames.HouseholdRegistry)[1], "outbox-list-problems");
        Assert.True(stuck.Success, stuck.Message);
        Assert.Equal("No stuck events.", stuck.Message);

        var queues = await BrokerQueues.ListAsync(Broker);
        Assert.Contains(queues.Keys, name => name.EndsWith("household-members-changed", StringComparison.Ordinal));
        Assert.DoesNotContain(queues, q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0);
    }

    private LocalRabbitMqResource Broker =>
        Suite.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalRabbitMqResource>().Single();

    /// <summary>
    /// 户申请 of a couple, then two member changes (a child born; the spouse moves out and the head's
    /// labour capacity is reassessed), each call on the officer's replica or, if it crashed, the other.
    /// Answers the household as the registry holds it after the last change, and the spouse who left.
    /// </summary>
    private static async Task<(Household Final, Member Former)> FileAndChangeMembersAsync(RegistryReplicas registry, int index, string village, CallOptions officer)
    {
        var application = Couple(index, village);
        var headId = application.Members[0].NationalId;
        var applied = await registry.CallAsync(index,
            async channel => (await Registry(channel).CreateHouseholdApplicationAsync(application, Fresh(officer))).Household,
            channel => FindAsync(channel, village, headId, officer));

        var child = Child(index);
        var born = await registry.CallAsync(index,
            async channel => (await Registry(channel).ChangeMembersAsync(new ChangeMembersRequest { HouseholdId = applied.HouseholdId, Add = { child } }, Fresh(officer))).Household,
            async channel => await ReadAsync(channel, applied.HouseholdId, officer) is { } h && h.Members.Any(m => m.NationalId == child.NationalId) ? h : null);

        var head = born.Members.Single(m => m.Relationship == Relationship.Head);
        var spouse = born.Members.Single(m => m.Relationship == Relationship.Spouse);
        var change = new ChangeMembersRequest
        {
            HouseholdId = applied.HouseholdId,
            Remove = { new MemberRemoval { MemberId = spouse.MemberId, Reason = MemberRemovalReason.MovedOut, Note = "外出务工落户" } },
            Update = { new MemberFactsUpdate { MemberId = head.MemberId, Health = HealthStatus.ChronicIllness, LabourCapacity = LabourCapacity.Weak, Schooling = SchoolingStatus.Completed } },
        };
        var final = await registry.CallAsync(index,
            async channel => (await Registry(channel).ChangeMembersAsync(change, Fresh(officer))).Household,
            async channel => await ReadAsync(channel, applied.HouseholdId, officer) is { } h && h.Members.All(m => m.MemberId != spouse.MemberId) ? h : null);
        return (final, spouse);
    }

    /// <summary>The household in <paramref name="village"/> whose member has <paramref name="nationalId"/>, or null.</summary>
    private static async Task<Household?> FindAsync(GrpcChannel channel, string village, string nationalId, CallOptions officer)
    {
        var page = new PageRequest { PageSize = 500 };
        while (true)
        {
            var listed = await Registry(channel).ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = village, Page = page }, Fresh(officer));
            if (listed.Households.FirstOrDefault(h => h.Members.Any(m => m.NationalId == nationalId)) is { } found)
            {
                return found;
            }

            if (string.IsNullOrEmpty(listed.Page.NextPageToken))
            {
                return null;
            }

            page = new PageRequest { PageSize = 500, PageToken = listed.Page.NextPageToken };
        }
    }

    private static HouseholdService.HouseholdServiceClient Registry(GrpcChannel channel) => new(channel);

    private static CallOptions Fresh(CallOptions officer) => officer.WithDeadline(DateTime.UtcNow.AddSeconds(30));

    private static async Task<Household> ReadAsync(GrpcChannel channel, string householdId, CallOptions officer) =>
        (await Registry(channel).GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, Fresh(officer))).Household;

    /// <summary>
    /// Why a consumer's replica of a household is wrong, or null when it holds the registry's current
    /// members with their labour capacity, and the former member, if it knows them, as no longer current.
    /// </summary>
    private static string? Mismatch((Household Final, Member Former) expected, HashSet<(Guid Member, bool Current, string Labour)>? held)
    {
        var current = expected.Final.Members.Select(m => (Guid.Parse(m.MemberId), true, m.LabourCapacity.ToString())).ToHashSet();
        var former = Guid.Parse(expected.Former.MemberId);
        return held is not null && held.Where(m => m.Current).ToHashSet().SetEquals(current) && held.All(m => m.Current || m.Member == former)
            ? null
            : $"holds [{string.Join(", ", held ?? [])}], expected current [{string.Join(", ", current)}] and {former} former or unknown";
    }

    private static bool Restarted(ResourceEvent instance, int crashedProcessId) =>
        instance.Snapshot.State?.Text == KnownResourceStates.Running
        && instance.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
        && Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture) != crashedProcessId;

    /// <summary>Restarts the broker with the dashboard's restart command; answers how long it was away.</summary>
    private async Task<TimeSpan> RestartBrokerAsync(Stopwatch clock)
    {
        await Task.Yield();
        var started = clock.Elapsed;
        var result = await Suite.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Broker, KnownResourceCommands.RestartCommand);
        Assert.True(result.Success, result.Message);
        await Suite.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Broker).WaitAsync(TimeSpan.FromMinutes(2));
        return clock.Elapsed - started;
    }

    /// <summary>
    /// Waits until every member replica matches <paramref name="expected"/>; fails with the households
    /// that do not. Answers, per database, how many households never listed the former member.
    /// </summary>
    private async Task<Dictionary<string, int>> SettledAsync(Dictionary<Guid, (Household Final, Member Former)> expected)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            var wrong = new List<string>();
            var unseen = new Dictionary<string, int>();
            foreach (var (database, table) in MemberReplicas)
            {
                var actual = await MembersAsync(database, table, expected.Keys);
                wrong.AddRange(expected
                    .Select(h => (h.Key, Problem: Mismatch(h.Value, actual.GetValueOrDefault(h.Key))))
                    .Where(h => h.Problem is not null)
                    .Select(h => $"{database}: household {h.Key} {h.Problem}"));
                unseen[database] = expected.Count(h => actual.GetValueOrDefault(h.Key)?.All(m => m.Member != Guid.Parse(h.Value.Former.MemberId)) == true);
            }

            if (wrong.Count == 0)
            {
                return unseen;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{wrong.Count} households differ after {Settle.TotalMinutes:0} min, e.g.:\n{string.Join('\n', wrong.Take(10))}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private async Task<Dictionary<Guid, HashSet<(Guid Member, bool Current, string Labour)>>> MembersAsync(string database, string table, IEnumerable<Guid> households)
    {
        await using var connection = new NpgsqlConnection(await Suite.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT "HouseholdId", "Id", "IsCurrent", "LabourCapacity" FROM "{table}" WHERE "HouseholdId" = ANY(@households)""", connection);
        command.Parameters.AddWithValue("households", households.ToArray());
        var members = new Dictionary<Guid, HashSet<(Guid, bool, string)>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var household = reader.GetGuid(0);
            if (!members.TryGetValue(household, out var set))
            {
                members[household] = set = [];
            }

            set.Add((reader.GetGuid(1), reader.GetBoolean(2), reader.GetString(3)));
        }

        return members;
    }

    private async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(await Suite.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A couple applying: unique national IDs per <paramref name="index"/> (birth day and sequence
    /// number; an odd sequence digit is a man, an even one a woman).
    /// </summary>
    private static CreateHouseholdApplicationRequest Couple(int index, string village)
    {
        var request = new CreateHouseholdApplicationRequest { RegionCode = village, PrimaryCause = PovertyCause.LackOfSkills };
        request.Members.Add(Person(index, "户主", Relationship.Head, new DateOnly(1970, 1, 1), male: true, LabourCapacity.Normal));
        request.Members.Add(Person(index, "配偶", Relationship.Spouse, new DateOnly(1972, 1, 1), male: false, LabourCapacity.Normal));
        return request;
    }

    private static MemberInput Child(int index) =>
        Person(index, "孩子", Relationship.Child, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), male: true, LabourCapacity.None);

    private static MemberInput Person(int index, string name, Relationship relationship, DateOnly firstBirthDay, bool male, LabourCapacity labour)
    {
        var birth = relationship == Relationship.Child ? firstBirthDay.AddDays(-(index / 400)) : firstBirthDay.AddDays(index / 400);
        var sequence = (index % 400 * 2) + (male ? 1 : 0);
        var first17 = $"341522{birth:yyyyMMdd}{sequence:D3}";
        return new MemberInput
        {
            Name = $"压测{name}{index}",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = new Date { Year = birth.Year, Month = birth.Month, Day = birth.Day },
            Health = HealthStatus.Healthy,
            LabourCapacity = labour,
            Schooling = relationship == Relationship.Child ? SchoolingStatus.NotOfSchoolAge : SchoolingStatus.Completed,
        };
    }
}
