using Microsoft.AspNetCore.Mvc.RazorPages;
using Pa.Assistance.V1;
using Platform.Portal.Households;
using Platform.Portal.Services;
using Platform.Portal.Text;

namespace Platform.Portal.Pages;

/// <summary>
/// The village battle map (挂图作战): every household with status, cause, helper, the five guarantees,
/// measures and planned exit year, printable as an A3 landscape wall chart. A village outside the
/// officer's region is the registry's NOT_FOUND, which the refusal middleware turns into the 404 page.
/// </summary>
public sealed class VillageModel(ServiceCalls calls) : PageModel
{
    public VillageBattleMap Map { get; private set; } = null!;

    public async Task OnGetAsync(string village)
    {
        Map = await new VillageBattleMapReader(calls).ReadAsync(village);
    }

    /// <summary>The five guarantees in the order the columns show them, with the contract's column names.</summary>
    public static readonly IReadOnlyList<(string Key, Func<HouseholdGuarantees, GuaranteeFinding?> Finding)> GuaranteeColumns =
    [
        ("food", g => g.FoodAndClothing),
        ("education", g => g.Education),
        ("medical", g => g.Medical),
        ("housing", g => g.Housing),
        ("water", g => g.Water),
    ];

    /// <summary>CSS class of a finding's state; a household without findings is unknown.</summary>
    public static string StateClass(GuaranteeState state) => state switch
    {
        GuaranteeState.Met => "state-met",
        GuaranteeState.NotMet => "state-not-met",
        _ => "state-unknown",
    };
}
