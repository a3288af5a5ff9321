using Grpc.Core;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Security;

namespace Platform.Assistance.Tests;

/// <summary>The assistance service in memory (see <see cref="ServiceFactory{TProgram, TContext}"/>).</summary>
public sealed class AssistanceFactory : ServiceFactory<Program, AssistanceDbContext>
{
    public AssistanceFactory()
        : this(new Dictionary<string, string>(), inMemoryBus: false)
    {
    }

    private AssistanceFactory(IReadOnlyDictionary<string, string> settings, bool inMemoryBus)
        : base("assistance-db", settings, inMemoryBus)
    {
    }

    /// <summary>A service with extra configuration, e.g. <c>["Assistance:Policy:Years:2020:OutOfPocketShareLimit"] = "0.2"</c>.</summary>
    public static AssistanceFactory With(IReadOnlyDictionary<string, string> settings) => new(settings, inMemoryBus: false);

    /// <summary>The service with MassTransit's test harness in place of RabbitMQ; its consumers take their messages in batches of up to 20.</summary>
    public static AssistanceFactory WithInMemoryBus() => new(new Dictionary<string, string> { ["Messaging:BatchSize"] = "20" }, inMemoryBus: true);

    /// <summary>A department client of <paramref name="kind"/>, scoped to <paramref name="region"/> (default: the whole test province).</summary>
    public CallOptions Department(DepartmentKind kind, string region = TestRegions.Province) =>
        As(PlatformRoles.DepartmentClient, region, $"{kind.ToString().ToLowerInvariant()}-department", [PlatformClaims.DepartmentScope(kind.ToString().ToLowerInvariant())]);
}
