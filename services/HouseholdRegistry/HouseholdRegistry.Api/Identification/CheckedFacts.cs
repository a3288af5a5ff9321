using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// Facts confirmed by comparing a department's data (数据比对) replace what the household declared,
/// fact by fact; a fact the department did not check stays as it was.
/// </summary>
public static class CheckedFacts
{
    /// <summary>The facts a request carries, by HouseholdFacts field name.</summary>
    public static IEnumerable<(string Name, Fact Fact)> Set(HouseholdFacts? facts) =>
        facts is null
            ? []
            : HouseholdFacts.Descriptor.Fields.InFieldNumberOrder()
                .Where(f => f.MessageType == Fact.Descriptor)
                .Select(f => (f.Name, Fact: f.Accessor.GetValue(facts) as Fact))
                .Where(f => f.Fact is not null)
                .Select(f => (f.Name, f.Fact!));

    public static HouseholdFacts Merge(HouseholdFacts stored, HouseholdFacts checkedFacts)
    {
        var merged = stored.Clone();
        foreach (var (name, fact) in Set(checkedFacts))
        {
            HouseholdFacts.Descriptor.FindFieldByName(name).Accessor.SetValue(merged, fact.Clone());
        }

        merged.CadreKinships.AddRange(checkedFacts.CadreKinships.Where(k => !merged.CadreKinships.Contains(k)).Select(k => k.Clone()));
        return merged;
    }
}
