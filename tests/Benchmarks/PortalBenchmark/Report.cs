using System.Globalization;

namespace Platform.Benchmarks.Portal;

/// <summary>The figures as a table: one line a page, then what went wrong, said plainly.</summary>
public static class Report
{
    public static void Print(IReadOnlyList<PageFigures> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"page",-15} {"path",-62} {"loads",6} {"p50 ms",9} {"p99 ms",9} {"max ms",9} {"size KB",9} {"failed",7}");
        foreach (var r in results)
        {
            var path = r.Page.Path.Length > 62 ? r.Page.Path[..59] + "..." : r.Page.Path;
            if (r.Missing)
            {
                Console.WriteLine($"{r.Page.Name,-15} {path,-62} MISSING: 404 (no such page in this portal yet, or no such record)");
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Page.Name,-15} {path,-62} {r.Millis.Count,6} {r.Percentile(50),9:F1} {r.Percentile(99),9:F1} {r.Millis.Max(),9:F1} {r.Bytes / 1024.0,9:F1} {r.Failed,7}"));
        }

        foreach (var r in results.Where(r => r.Failed > 0))
        {
            Console.WriteLine($"FAILED {r.Page.Name}: {r.Failed} of {r.Millis.Count} loads; the first: {r.FirstFailure}");
        }
    }
}
