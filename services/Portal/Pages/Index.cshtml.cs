using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Officers;

namespace Platform.Portal.Pages;

/// <summary>The officer's own start: a village officer's battle map, everyone else's region overview.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var officer = Officer.From(User);
        return Redirect(officer.IsVillageOfficer ? $"/villages/{officer.Region}" : $"/overview/{officer.Region}");
    }
}
