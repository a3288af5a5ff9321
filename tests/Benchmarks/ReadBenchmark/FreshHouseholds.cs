using System.Globalization;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Read;

/// <summary>
/// The generator's fresh households (<see cref="HouseholdGenerator.Fresh"/>) for one run's writes,
/// after those every earlier run drew on this database: their count is kept in
/// "&lt;database&gt;.fresh" and saved after each write phase, so a rerun files new people, never a duplicate.
/// </summary>
public sealed class FreshHouseholds : IDisposable
{
    private readonly string _path;
    private readonly IEnumerator<ImportedHousehold> _households;
    private int _drawn;

    public FreshHouseholds(string databasePath)
    {
        _path = databasePath + ".fresh";
        _drawn = File.Exists(_path) ? int.Parse(File.ReadAllText(_path).Trim(), CultureInfo.InvariantCulture) : 0;
        _households = HouseholdGenerator.Fresh(_drawn).GetEnumerator();
    }

    public int Drawn => _drawn;

    public CreateHouseholdApplicationRequest Next()
    {
        lock (_households)
        {
            _households.MoveNext();
            _drawn++;
            return _households.Current.Application;
        }
    }

    public void Save()
    {
        lock (_households)
        {
            File.WriteAllText(_path, _drawn.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _households.Dispose();
}
