using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>
/// The headline indicators of a region from its tally rows: registered households and people,
/// poverty incidence (贫困发生率 = registered poor people / rural registered population), cause
/// mix (致贫原因), exits in a year against the plan, and households under monitoring.
/// </summary>
public static class RegionFiguresCalculator
{
    public static RegionFigures Compute(string code, string name, IReadOnlyCollection<RegionTally> tallies, long ruralPopulation, int villagesWithoutPopulation, int year)
    {
        var registered = tallies.Where(t => t.Status == HouseholdStatus.Registered).ToList();
        var exited = tallies.Where(t => t.Status == HouseholdStatus.Exited).ToList();
        var people = registered.Sum(t => t.People);
        var figures = new RegionFigures
        {
            RegionCode = code,
            RegionName = name,
            RegisteredHouseholds = registered.Sum(t => t.Households),
            RegisteredPeople = people,
            ExitedHouseholds = exited.Sum(t => t.Households),
            ExitedPeople = exited.Sum(t => t.People),
            RuralPopulation = ruralPopulation,
            VillagesWithoutPopulation = villagesWithoutPopulation,
            ExitsInYear = exited.Where(t => t.ExitYear == year).Sum(t => t.Households),
            PlannedExitsInYear = tallies.Where(t => t.PlannedExitYear == year && t.Status is HouseholdStatus.Registered or HouseholdStatus.Exited).Sum(t => t.Households),
        };
        if (villagesWithoutPopulation == 0 && ruralPopulation > 0)
        {
            figures.IncidenceRate = (double)people / ruralPopulation;
        }

        figures.CauseMix.AddRange(registered.GroupBy(t => t.PrimaryCause).OrderBy(g => g.Key).Select(g => new CauseShare
        {
            Cause = g.Key,
            Households = g.Sum(t => t.Households),
            People = g.Sum(t => t.People),
            PeopleShare = people == 0 ? 0 : (double)g.Sum(t => t.People) / people,
        }).Where(c => c.Households != 0));
        figures.Monitoring.AddRange(tallies.Where(t => t.MonitoringCategory is not (MonitoringCategory.None or MonitoringCategory.Unspecified))
            .GroupBy(t => t.MonitoringCategory).OrderBy(g => g.Key)
            .Select(g => new MonitoringCount { Category = g.Key, Households = g.Sum(t => t.Households), People = g.Sum(t => t.People) })
            .Where(c => c.Households != 0));
        return figures;
    }
}
