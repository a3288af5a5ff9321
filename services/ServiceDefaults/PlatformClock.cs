namespace Platform.ServiceDefaults;

/// <summary>
/// The system clock to the microsecond, the finest time PostgreSQL keeps (SQL Server and .NET keep
/// 100 ns). A time a service answers right after a change is then the one every later read answers,
/// whichever provider stores it, and comparisons of stored and fresh times agree.
/// </summary>
public sealed class PlatformClock : TimeProvider
{
    public static readonly PlatformClock Instance = new();

    private PlatformClock()
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
