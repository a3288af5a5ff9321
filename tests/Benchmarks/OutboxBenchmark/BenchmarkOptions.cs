using System.Globalization;

namespace Platform.Benchmarks.Outbox;

/// <summary>
/// Command line: <c>--events N</c> (default 20000), <c>--runs R</c> (default 3), <c>--database sqlite|postgres</c>
/// (default sqlite) and <c>--relays K</c> (default 1: K replicas' relays drain the one outbox together).
/// </summary>
public sealed record BenchmarkOptions(int Events, int Runs, string Database = "sqlite", int Relays = 1)
{
    public const int InsertBatchSize = 1_000;

    public const int PayloadLength = 200;

    /// <summary>The second outbox variant: events spread over this many aggregates, published in order within each.</summary>
    public const int SharedAggregates = 100;

    /// <summary>Untimed events sent through both paths first, so JIT and connection set-up stay out of run 1.</summary>
    public const int WarmUpEvents = 1_000;

    /// <summary>How long the counting consumer may take to receive a phase's events before they count as lost.</summary>
    public TimeSpan DeliveryTimeout => TimeSpan.FromSeconds(60 + (Events / 500));

    public static BenchmarkOptions Parse(string[] args)
    {
        var events = 20_000;
        var runs = 3;
        var database = "sqlite";
        var relays = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = Positive(args, ++i);
                    break;
                case "--runs":
                    runs = Positive(args, ++i);
                    break;
                case "--relays":
                    relays = Positive(args, ++i);
                    break;
                case "--database" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres":
                    database = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: --events N --runs R --database sqlite|postgres --relays K");
            }
        }

        return new BenchmarkOptions(events, runs, database, relays);
    }

    private static int Positive(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a positive whole number.");
}
