using System.Globalization;
using Grpc.Core;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>Screening lists and the import of civil-affairs rolls, scoped to the caller's region.</summary>
public sealed class ScreeningGrpcService(
    RegistryDbContext db,
    PersonalDataProtector protector,
    RegistryPolicy policy,
    TimeProvider time,
    ILogger<ScreeningGrpcService> logger) : ScreeningService.ScreeningServiceBase
{
    [Allow(Roles.CountyOfficer | Roles.CityOfficer | Roles.ProvincialOfficer | Roles.Auditor, "read the conflict-of-interest filing list")]
    public override async Task<ListConflictOfInterestFilingsResponse> ListConflictOfInterestFilings(ListConflictOfInterestFilingsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.CountyCode, out var county) && county.Level == RegionLevel.County, "county_code", "must be the 12-digit code of a county");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");

        violations.ThrowIfAny();
        if (!caller.CanSee(county))
        {
            throw RpcErrors.NotFound($"County {county}");
        }

        var (filings, response) = await new ScreeningQueries(db).ConflictOfInterestFilingsAsync(county, page, after, context.CancellationToken);
        await AuditAsync(caller, "screening.conflict_of_interest.list", county, context);
        return new ListConflictOfInterestFilingsResponse { Filings = { filings }, Page = response };
    }

    [Allow(Roles.CountyOfficer | Roles.DepartmentClient, "import assistance rolls")]
    public override Task<ImportAssistanceRollResponse> ImportAssistanceRoll(IAsyncStreamReader<ImportAssistanceRollRequest> requestStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new RollImport(db, protector, time, logger).RunAsync(requestStream, caller, context);
    }

    [Allow(Roles.CountyOfficer | Roles.DepartmentClient, "import assistance rolls")]
    public override async Task<PushAssistanceRollResponse> PushAssistanceRoll(PushAssistanceRollRequest request, ServerCallContext context) =>
        new() { Result = await new RollImport(db, protector, time, logger).RunAsync(new PushedRoll(request), context.GetCaller(), context) };

    [Allow(Roles.Readers, "read merge candidate lists")]
    public override async Task<ListMergeCandidatesResponse> ListMergeCandidates(ListMergeCandidatesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations().Check(request.List != MergeCandidateList.Unspecified, "list", "must name a candidate list");
        var (region, page, after) = ReadListRequest(caller, request.RegionCode, request.Page, context.Method, violations);
        var now = time.GetUtcNow().UtcDateTime;
        var result = await new ScreeningQueries(db).MergeCandidatesAsync(region, request.List, page, after, caller, policy.For(now), context.CancellationToken);
        await AuditAsync(caller, "screening.merge_candidates.list", region, context);
        return new ListMergeCandidatesResponse { Candidates = { result.Candidates }, Page = result.Page };
    }

    [Allow(Roles.Officers | Roles.Auditor, "read priority candidate lists")]
    public override async Task<ListPriorityCandidatesResponse> ListPriorityCandidates(ListPriorityCandidatesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (region, page, after) = ReadListRequest(caller, request.RegionCode, request.Page, context.Method, new FieldViolations());
        var result = await new ScreeningQueries(db).PriorityCandidatesAsync(region, page, after, context.CancellationToken);
        await AuditAsync(caller, "screening.priority_candidates.list", region, context);
        return new ListPriorityCandidatesResponse { Candidates = { result.Candidates }, Page = result.Page };
    }

    /// <summary>Validates the region and page of a candidate list (adding to <paramref name="violations"/>); a region outside the caller's scope is not found.</summary>
    private static (RegionCode Region, PageSpec Page, CandidateKey? After) ReadListRequest(Caller caller, string regionCode, Pa.Common.V1.PageRequest? pageRequest, string list, FieldViolations violations)
    {
        var region = RegionAccess.ListingRegion(caller, regionCode, violations, "region_code");
        var page = Paging.Read(pageRequest, violations, "page", list);
        CandidateKey? after = null;
        if (page.After is not null)
        {
            violations.Check(CandidateKey.TryParse(page.After, out after), "page.page_token", "is not a token returned by this service");
        }

        violations.ThrowIfAny();
        return (region, page, after);
    }

    /// <summary>Lists carry names: each read is audited against the region it covered.</summary>
    private async Task AuditAsync(Caller caller, string action, RegionCode region, ServerCallContext context)
    {
        db.Audit(context, action, "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
