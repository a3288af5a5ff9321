using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Import;

/// <summary>The figures of the import and its baseline, and each target of issue 13 met or missed.</summary>
internal static class Report
{
    private const double TargetSeconds = 250;
    private const double TargetFlatness = 0.75;
    private const double TargetRatio = 1.5;
    private const long TargetWalBytes = 256L * 1024 * 1024;
    private const long TargetPeakBytes = 500L * 1024 * 1024;
    private const double MiB = 1024.0 * 1024.0;

    public static void Print(int households, int block, Run import, Run baseline, long members, long outbox, RegistryDatabase database)
    {
        var rates = import.Samples.Rates();
        var flatness = rates.Count >= 2 ? rates[^1] / rates[0] : double.NaN;
        var ratio = import.Elapsed / baseline.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"households                 {households,14:N0}   imported {import.Imported:N0}, bad {import.Bad:N0}");
        Console.WriteLine($"members / outbox rows      {members,14:N0} / {outbox:N0}");
        Console.WriteLine($"import households/s per {block:N0} (committed, read from the batch row every 100 ms):");
        Console.WriteLine("  " + string.Join(" ", rates.Select(r => $"{r:N0}")));
        Console.WriteLine($"raw baseline households/s per {block:N0}:");
        Console.WriteLine("  " + string.Join(" ", baseline.Samples.Rates().Select(r => $"{r:N0}")));
        Console.WriteLine($"import over gRPC           {import.Elapsed.TotalSeconds,14:N1} s   {households / import.Elapsed.TotalSeconds,10:N0} households/s");
        Console.WriteLine($"raw SQLite baseline        {baseline.Elapsed.TotalSeconds,14:N1} s   {households / baseline.Elapsed.TotalSeconds,10:N0} households/s");
        Console.WriteLine($"last / first block         {flatness,14:N2}");
        Console.WriteLine($"ratio import / baseline    {ratio,14:N2} ×");
        Console.WriteLine($"largest WAL seen           {import.Samples.MaxWalBytes / MiB,14:N0} MB   (baseline {baseline.Samples.MaxWalBytes / MiB:N0} MB)");
        Console.WriteLine($"peak working set           {import.PeakWorkingSet / MiB,14:N0} MB   (largest sampled {import.Samples.MaxWorkingSet / MiB:N0} MB)");
        Console.WriteLine("  (one process: the registry server in process, the gRPC client and the household generator; read before the baseline ran)");
        Console.WriteLine($"database                   {database.Path} ({database.SizeBytes / MiB:N0} MB)");
        Console.WriteLine();
        Console.WriteLine($"target: {households:N0} households in ≤ {TargetSeconds} s: {Verdict(import.Elapsed.TotalSeconds <= TargetSeconds)} ({import.Elapsed.TotalSeconds:N1} s)");
        Console.WriteLine($"target: last block ≥ {TargetFlatness} × first: {Verdict(flatness >= TargetFlatness)} ({flatness:N2} ×)");
        Console.WriteLine($"target: import ≤ {TargetRatio} × raw baseline: {Verdict(ratio <= TargetRatio)} ({ratio:N2} ×)");
        Console.WriteLine($"target: WAL ≤ {TargetWalBytes / MiB:N0} MB: {Verdict(import.Samples.MaxWalBytes <= TargetWalBytes)} ({import.Samples.MaxWalBytes / MiB:N0} MB)");
        Console.WriteLine($"target: peak working set ≤ {TargetPeakBytes / MiB:N0} MB: {Verdict(import.PeakWorkingSet <= TargetPeakBytes)} ({import.PeakWorkingSet / MiB:N0} MB)");
    }

    private static string Verdict(bool met) => met ? "met" : "missed";
}
