using Platform.Relocation.Data;

namespace Platform.Relocation.Tests;

/// <summary>The relocation service in memory (see <see cref="ServiceFactory{TProgram, TContext}"/>).</summary>
public sealed class RelocationFactory : ServiceFactory<Program, RelocationDbContext>
{
    public RelocationFactory()
        : this(new Dictionary<string, string>(), inMemoryBus: false)
    {
    }

    private RelocationFactory(IReadOnlyDictionary<string, string> settings, bool inMemoryBus)
        : base("relocation-db", WithoutTimedSweep(settings), inMemoryBus)
    {
    }

    /// <summary>The daily follow-up sweep stays off, so it never races a test; tests run it by hand (FollowUpSweep.SweepAsync).</summary>
    private static Dictionary<string, string> WithoutTimedSweep(IReadOnlyDictionary<string, string> settings) =>
        new(settings) { ["Relocation:FollowUp:SweepInterval"] = "00:00:00" };

    /// <summary>A service with extra configuration, e.g. <c>["Relocation:Policy:Years:2020:PerPersonAreaSqm"] = "20"</c>.</summary>
    public static RelocationFactory With(IReadOnlyDictionary<string, string> settings) => new(settings, inMemoryBus: false);

    /// <summary>The service with MassTransit's test harness in place of RabbitMQ.</summary>
    public static RelocationFactory WithInMemoryBus() => new(new Dictionary<string, string>(), inMemoryBus: true);
}
