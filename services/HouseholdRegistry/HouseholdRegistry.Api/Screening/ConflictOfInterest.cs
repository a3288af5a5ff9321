using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// A household with a close relative who is a village or township cadre or public-finance staff
/// must be filed for review (财供人员家庭和乡镇、村干部近亲属贫困户备案登记), so that cadres cannot
/// quietly favour their own families.
/// </summary>
public static class ConflictOfInterest
{
    private static readonly HashSet<CadreKind> FiledKinds = [CadreKind.VillageCadre, CadreKind.TownshipCadre, CadreKind.PublicFinanceStaff];

    public static bool Evaluate(HouseholdFacts facts) => facts.CadreKinships.Any(k => FiledKinds.Contains(k.Kind));
}
