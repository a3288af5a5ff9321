using System.Diagnostics;

namespace Platform.Benchmarks.Read;

/// <summary>
/// Calls per second and latency percentiles of one kind of call, and the process's CPU time per call
/// (server and clients together): on a machine shared with other work, latency follows the others'
/// load, while CPU per call is mostly the call's own cost.
/// </summary>
public sealed record PhaseFigures(string Name, long Calls, long Failures, double PerSecond, double P50Ms, double P99Ms, double CpuMsPerCall);

/// <summary>Concurrent clients calling one kind of call back to back for a fixed time.</summary>
public static class LoadPhase
{
    public static async Task<PhaseFigures> RunAsync(string name, int clients, TimeSpan duration, Func<Random, Task> call)
    {
        var latencies = new List<long>[clients];
        var failures = 0L;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            var mine = latencies[c] = new List<long>(100_000);
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call(random);
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = watch.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PhaseFigures(name, all.Length, failures, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99),
            all.Length == 0 ? double.NaN : cpu.TotalMilliseconds / all.Length);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
}
