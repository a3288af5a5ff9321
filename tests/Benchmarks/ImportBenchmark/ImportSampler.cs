using System.Diagnostics;

namespace Platform.Benchmarks.Import;

/// <summary>
/// Watches a run from its own task every 100 ms: the households committed so far, to time each
/// block of them; the size of the database's -wal file; and this process's working set.
/// </summary>
internal sealed class ImportSampler : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    private readonly string _walPath;
    private readonly Func<long> _committed;
    private readonly long _block;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ImportSampler(string databasePath, long block, Func<long> committed)
    {
        _walPath = databasePath + "-wal";
        _block = block;
        _committed = committed;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Time from the start at which each block's last household was committed.</summary>
    public List<TimeSpan> BlockEnds { get; } = [];

    public long MaxWalBytes { get; private set; }

    public long MaxWorkingSet { get; private set; }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Every);
        using var process = Process.GetCurrentProcess();
        try
        {
            do
            {
                Sample(process);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped: one last sample below sees the end of the run.
        }

        Sample(process);
    }

    private void Sample(Process process)
    {
        var committed = _committed();
        while (committed >= (BlockEnds.Count + 1) * _block)
        {
            BlockEnds.Add(_watch.Elapsed);
        }

        MaxWalBytes = Math.Max(MaxWalBytes, File.Exists(_walPath) ? new FileInfo(_walPath).Length : 0);
        process.Refresh();
        MaxWorkingSet = Math.Max(MaxWorkingSet, process.WorkingSet64);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    /// <summary>Households per second of each block.</summary>
    public IReadOnlyList<double> Rates() =>
        BlockEnds.Select((end, i) => _block / (end - (i == 0 ? TimeSpan.Zero : BlockEnds[i - 1])).TotalSeconds).ToList();
}
