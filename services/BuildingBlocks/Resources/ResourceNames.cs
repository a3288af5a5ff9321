namespace Platform.Resources;

/// <summary>
/// Resource names in the AppHost, which are also the connection-string names the services read
/// ("ConnectionStrings:{name}") and the names service discovery resolves.
/// </summary>
public static class ResourceNames
{
    /// <summary>The RabbitMQ broker; its connection string is an amqp:// URI.</summary>
    public const string Broker = "broker";

    /// <summary>The identity service: the platform's OpenID Connect issuer, started first.</summary>
    public const string Identity = "identity";

    /// <summary>The identity service's database (a SQLite file by default).</summary>
    public const string IdentityDatabase = "identity-db";

    public const string HouseholdRegistry = "household-registry";

    /// <summary>The household registry's database (a SQLite file by default).</summary>
    public const string RegistryDatabase = "registry-db";

    public const string Assistance = "assistance";

    /// <summary>The assistance service's database (a SQLite file by default).</summary>
    public const string AssistanceDatabase = "assistance-db";

    public const string Employment = "employment";

    /// <summary>The employment service's database (a SQLite file by default).</summary>
    public const string EmploymentDatabase = "employment-db";

    public const string Relocation = "relocation";

    /// <summary>The relocation service's database (a SQLite file by default).</summary>
    public const string RelocationDatabase = "relocation-db";

    /// <summary>The officers' web portal (server-rendered pages over the four services' gRPC contracts).</summary>
    public const string Portal = "portal";
}
