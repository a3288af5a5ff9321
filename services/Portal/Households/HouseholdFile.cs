using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Employment.V1;
using Pa.Registry.V1;
using Pa.Relocation.V1;
using Platform.Portal.Services;

namespace Platform.Portal.Households;

/// <summary>
/// A section another service may not hold for this household (no relocation plan, no labour archive,
/// not yet assessed), or may not show to this officer's role: the page says so instead of failing.
/// </summary>
public sealed record Part<T>(T? Value, StatusCode? Refused) where T : class
{
    public bool NotPermitted => Refused == StatusCode.PermissionDenied;
}

/// <summary>Everything the household file shows, as the services answered for this officer and purpose.</summary>
public sealed record HouseholdFile(
    Household Household,
    Region? Village,
    IReadOnlyList<Case> Cases,
    IReadOnlyList<IncomeYear> Income,
    Part<HouseholdGuarantees> Guarantees,
    IReadOnlyList<(Member Member, Part<LabourArchive> Archive)> Labour,
    Part<Relocation> Relocation,
    Part<FamilyFollowUp> FollowUp,
    IReadOnlyList<Visit> Visits,
    IReadOnlyList<AssistanceMeasure> Measures);

/// <summary>
/// Reads a household file. GetHousehold comes first and alone: its NOT_FOUND (no such household, or one
/// outside the officer's region) must become the 404 page before anything else is asked. Then every other
/// read runs concurrently, each carrying the officer's purpose so each service audits it.
/// </summary>
public sealed class HouseholdFileReader(ServiceCalls calls)
{
    public async Task<HouseholdFile> ReadAsync(string householdId, Purposes.Purpose purpose)
    {
        var options = await calls.AsOfficerAsync(purpose.Audit);
        var household = (await calls.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, options)).Household;
        var id = household.HouseholdId;

        var village = Optional(async () => (await calls.Regions.GetRegionAsync(new GetRegionRequest { Code = household.RegionCode }, options)).Region);
        var cases = calls.Identification.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = id }, options).ResponseAsync;
        var income = calls.Income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = id }, options).ResponseAsync;
        var guarantees = Optional(async () => (await calls.Guarantees.GetHouseholdGuaranteesAsync(new GetHouseholdGuaranteesRequest { HouseholdId = id }, options)).Guarantees);
        var relocation = Optional(async () => (await calls.Relocations.GetRelocationAsync(new GetRelocationRequest { HouseholdId = id }, options)).Relocation);
        var followUp = Optional(async () => (await calls.FollowUp.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = id }, options)).Family);
        var visits = AllPages.ReadAsync<Visit>(async request =>
        {
            var page = await calls.Support.ListVisitsAsync(new ListVisitsRequest { HouseholdId = id, Page = request }, options);
            return ((IEnumerable<Visit>)page.Visits, page.Page);
        });
        var measures = AllPages.ReadAsync<AssistanceMeasure>(async request =>
        {
            var page = await calls.Support.ListMeasuresAsync(new ListMeasuresRequest { HouseholdId = id, Page = request }, options);
            return ((IEnumerable<AssistanceMeasure>)page.Measures, page.Page);
        });
        // The employment archive is per labourer: members with normal or weak labour capacity.
        var labour = household.Members
            .Where(m => m.LabourCapacity is LabourCapacity.Normal or LabourCapacity.Weak)
            .Select(async m => (m, await Optional(async () => (await calls.Labour.GetLabourArchiveAsync(
                new GetLabourArchiveRequest { HouseholdId = id, MemberId = m.MemberId }, options)).Archive)))
            .ToList();

        await Task.WhenAll(village, cases, income, guarantees, relocation, followUp, visits, measures, Task.WhenAll(labour));

        return new HouseholdFile(
            household,
            village.Result.Value,
            cases.Result.Cases,
            income.Result.Years,
            guarantees.Result,
            labour.Select(l => l.Result).ToList(),
            relocation.Result,
            followUp.Result,
            visits.Result,
            measures.Result);
    }

    /// <summary>NOT_FOUND (none held) and PERMISSION_DENIED (not for this role) leave a section empty; anything else fails the page.</summary>
    private static async Task<Part<T>> Optional<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return new Part<T>(await read(), null);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return new Part<T>(null, e.StatusCode);
        }
    }
}
