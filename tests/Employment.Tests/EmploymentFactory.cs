using Grpc.Core;
using Platform.Employment.Data;
using Platform.Security;

namespace Platform.Employment.Tests;

/// <summary>The employment service in memory (see <see cref="ServiceFactory{TProgram, TContext}"/>).</summary>
public sealed class EmploymentFactory : ServiceFactory<Program, EmploymentDbContext>
{
    public EmploymentFactory()
        : this(new Dictionary<string, string>(), inMemoryBus: false)
    {
    }

    private EmploymentFactory(IReadOnlyDictionary<string, string> settings, bool inMemoryBus)
        : base("employment-db", settings, inMemoryBus)
    {
    }

    /// <summary>A service with extra configuration, e.g. <c>["Employment:Policy:Years:2020:CollectiveIncomeStandardFen"] = "20000000"</c>.</summary>
    public static EmploymentFactory With(IReadOnlyDictionary<string, string> settings) => new(settings, inMemoryBus: false);

    /// <summary>The service with MassTransit's test harness in place of RabbitMQ.</summary>
    public static EmploymentFactory WithInMemoryBus() => new(new Dictionary<string, string>(), inMemoryBus: true);

    /// <summary>A department client of human resources (人社), scoped to <paramref name="region"/> (default: the whole test province).</summary>
    public CallOptions HumanResources(string region = TestRegions.Province) =>
        As(PlatformRoles.DepartmentClient, region, "human-resources-department", [PlatformClaims.DepartmentScope("human-resources")]);
}
