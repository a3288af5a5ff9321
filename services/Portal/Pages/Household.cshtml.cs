using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Portal.Households;
using Platform.Portal.Officers;
using Platform.Portal.Services;

namespace Platform.Portal.Pages;

/// <summary>
/// The household file (户档案). Nothing is read until the officer states why (?purpose=code): the
/// services audit every read with that purpose. An unknown purpose shows the form again. A household
/// outside the officer's region is the registry's NOT_FOUND, which becomes the 404 page.
/// </summary>
public sealed class HouseholdModel(ServiceCalls calls) : PageModel
{
    public string Id { get; private set; } = "";

    /// <summary>Null while the form is shown.</summary>
    public Purposes.Purpose? Purpose { get; private set; }

    /// <summary>The code the officer sent that is not a purpose, to say so above the form.</summary>
    public string? UnknownPurpose { get; private set; }

    public HouseholdFile? Read { get; private set; }

    public Officer Officer { get; private set; } = null!;

    /// <summary>The step up came back refused: the account does not hold the personal-data scope.</summary>
    public bool RefusedPersonalData { get; private set; }

    /// <summary>This page again (without the refusal note), for the step up to come back to.</summary>
    public string Back { get; private set; } = "/";

    public async Task OnGetAsync(string id, string? purpose, string? refused)
    {
        Id = id;
        Officer = Officer.From(User);
        RefusedPersonalData = refused == "personal-data";
        Purpose = Purposes.Find(purpose);
        if (Purpose is null)
        {
            UnknownPurpose = string.IsNullOrEmpty(purpose) ? null : purpose;
            return;
        }

        var query = QueryHelpers.ParseQuery(Request.QueryString.Value).Where(q => q.Key != "refused")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        Back = QueryHelpers.AddQueryString(Request.Path.Value ?? "/", query);
        Read = await new HouseholdFileReader(calls).ReadAsync(id, Purpose);
    }
}
