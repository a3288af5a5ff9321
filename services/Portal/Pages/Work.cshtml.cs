using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Officers;
using Platform.Portal.Services;
using Platform.Portal.Work;

namespace Platform.Portal.Pages;

/// <summary>
/// "My work": the cases waiting for the step this officer's role takes, the notices running in the officer's
/// region with their objections, and the monitored households due a visit. Reading only; the steps themselves
/// are taken in the registry's own tools.
/// </summary>
public sealed class WorkModel(ServiceCalls calls) : PageModel
{
    public Officer Officer { get; private set; } = null!;

    public MyWork Work { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Officer = Officer.From(User);
        Today = VisitRule.Today(TimeProvider.System);
        Work = await new WorkLoader(calls, TimeProvider.System).LoadAsync(Officer);
    }
}
