using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pa.Employment.V1;
using Platform.Relocation.Contracts;

namespace Platform.Employment.Tests.Labourers;

/// <summary>
/// The relocation service's zero-employment cases (零就业家庭) reach the employment service by event,
/// so its officers can list the labourers of those families first for referrals.
/// </summary>
public sealed class ZeroEmploymentFamilyTests(ZeroEmploymentFamilyTests.Service fixture) : IClassFixture<ZeroEmploymentFamilyTests.Service>
{
    private const string Village = "341522100288";
    private readonly EmploymentFactory _service = fixture.Factory;

    /// <summary>One service with an in-memory bus for the class.</summary>
    public sealed class Service : IAsyncLifetime
    {
        public EmploymentFactory Factory { get; } = EmploymentFactory.WithInMemoryBus();

        public ITestHarness Harness => Factory.Services.GetRequiredService<ITestHarness>();

        public Task InitializeAsync() => Harness.Start();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task DeliverAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var harness = fixture.Harness;
        await harness.Bus.Publish(message, ctx => ctx.MessageId = id);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!harness.Consumed.Select<T>(c => c.Context.MessageId == id).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {id} was not consumed.");
            await Task.Delay(20);
        }

        await harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(harness.Consumed.Select<T>(c => c.Context.MessageId == id), c => Assert.Null(c.Exception));
    }

    private async Task<IReadOnlyList<string>> PriorityLabourersAsync() =>
        (await _service.Client<LabourService.LabourServiceClient>().ListLabourersAsync(
            new ListLabourersRequest { RegionCode = Village, Filter = LabourerFilter.ZeroEmploymentFamilies }, _service.CountyOfficer(TestRegions.County)))
        .Labourers.Select(l => l.MemberId).ToList();

    [Fact]
    public async Task An_open_case_lists_the_family_labourers_first_and_its_close_takes_them_off_even_when_a_stale_open_arrives_late()
    {
        var relocated = await _service.Household(Village).Head().Spouse("Weak").Child().RegisterAsync();
        var neighbour = await _service.Household(Village).Head().RegisterAsync();
        var caseId = Guid.NewGuid();
        var site = Guid.NewGuid();
        var openedAt = DateTime.UtcNow.AddHours(-2);
        var opened = new ZeroEmploymentCaseOpened(caseId, relocated.Id, site, "341522101000", [relocated.Head.Id, relocated.Members[1].Id], openedAt, Village);

        var messageId = NewId.NextGuid();
        await DeliverAsync(opened, messageId);
        await DeliverAsync(opened, messageId);
        var listed = await PriorityLabourersAsync();
        Assert.Equal(new[] { relocated.Head.Id, relocated.Members[1].Id }.Select(i => i.ToString()).Order(), listed.Order());
        Assert.DoesNotContain(neighbour.Head.Id.ToString(), listed);
        var all = await _service.Client<LabourService.LabourServiceClient>().ListLabourersAsync(new ListLabourersRequest { RegionCode = Village }, _service.CountyOfficer(TestRegions.County));
        Assert.True(all.Labourers.Single(l => l.MemberId == relocated.Head.Id.ToString()).ZeroEmploymentFamily);
        Assert.False(all.Labourers.Single(l => l.MemberId == neighbour.Head.Id.ToString()).ZeroEmploymentFamily);

        await DeliverAsync(new ZeroEmploymentCaseClosed(caseId, relocated.Id, site, "341522101000", "Employed", Guid.NewGuid(), openedAt.AddHours(1), Village));
        Assert.Empty(await PriorityLabourersAsync());

        // The same open redelivered under a new message id (e.g. a relay re-publish) is older than the close: nothing changes.
        await DeliverAsync(opened);
        Assert.Empty(await PriorityLabourersAsync());
    }
}
