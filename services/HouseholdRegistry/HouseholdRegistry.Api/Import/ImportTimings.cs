using System.Diagnostics;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// Where the writer's time went, summed since the last report: what a slow or slowing import is
/// diagnosed with (logged at Debug every <see cref="ReportEvery"/> households).
/// </summary>
internal sealed class ImportTimings
{
    public const long ReportEvery = 100_000;

    private readonly Stopwatch _watch = new();
    private TimeSpan _lookup;
    private TimeSpan _insert;
    private TimeSpan _save;
    private TimeSpan _commit;

    public long Households { get; private set; }

    public void Start() => _watch.Restart();

    public void Lookup() => _lookup += Lap();

    public void Insert() => _insert += Lap();

    public void Save() => _save += Lap();

    public void Commit(int households)
    {
        _commit += Lap();
        Households += households;
    }

    /// <summary>Answers the sums since the last call and starts again from zero.</summary>
    public (long Households, double Lookup, double Insert, double Save, double Commit) Take()
    {
        var taken = (Households, _lookup.TotalSeconds, _insert.TotalSeconds, _save.TotalSeconds, _commit.TotalSeconds);
        Households = 0;
        _lookup = _insert = _save = _commit = TimeSpan.Zero;
        return taken;
    }

    private TimeSpan Lap()
    {
        var lap = _watch.Elapsed;
        _watch.Restart();
        return lap;
    }
}
