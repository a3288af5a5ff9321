using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Employment.Data;
using Platform.Employment.Labourers;
using Platform.Employment.Policy;
using Platform.Employment.Projects;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Assets;

/// <summary>
/// Asset income (资产收益): quantified shares and dividend runs of industry projects; industry subsidies
/// and village collective income are in the other part of this class.
/// </summary>
public sealed partial class AssetIncomeGrpcService(EmploymentDbContext db, DividendRunner runner, EmploymentPolicy policy, TimeProvider time)
    : Proto.AssetIncomeService.AssetIncomeServiceBase
{
    /// <summary>Shares and dividends are the county's decision (县级审定), so only its officers set and pay them.</summary>
    [Allow(Roles.CountyOfficer, "set quantified shares")]
    public override async Task<Proto.SetSharesResponse> SetShares(Proto.SetSharesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var holdings = new Dictionary<Guid, long>();
        for (var i = 0; i < request.Holdings.Count; i++)
        {
            var id = Ids.Require(request.Holdings[i].HouseholdId, violations, $"holdings[{i}].household_id");
            violations.Check(id == Guid.Empty || holdings.TryAdd(id, request.Holdings[i].Shares), $"holdings[{i}].household_id", "is listed twice");
        }

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var project = await VisibleProjectAsync(caller, projectId, ct);
        RpcErrors.ThrowIfRefused(ShareRules.ChangeRefusal(await db.Set<DividendRun>().AnyAsync(r => r.ProjectId == projectId && r.Status == DividendRunStatus.Running, ct)));

        var ids = holdings.Keys.ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.RegionCode, h.Status }).ToDictionaryAsync(h => h.Id, ct);
        var county = RegionCode.Parse(project.CountyCode);
        foreach (var id in ids)
        {
            // Unknown and another county's households look the same: the caller may not learn of the latter.
            if (!households.TryGetValue(id, out var household) || !county.Covers(RegionCode.Parse(household.RegionCode)) || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
            {
                throw RpcErrors.NotFound($"Household {id} in the project's county");
            }

            RpcErrors.ThrowIfRefused(ShareRules.HolderRefusal(id, household.Status));
        }

        var existing = await db.Set<ProjectShare>().Where(s => s.ProjectId == projectId && ids.Contains(s.HouseholdId)).ToDictionaryAsync(s => s.HouseholdId, ct);
        var now = Now;
        foreach (var (id, shares) in holdings)
        {
            if (existing.TryGetValue(id, out var share))
            {
                share.Shares = shares;
                share.SetBy = caller.Subject;
                share.SetAt = now;
            }
            else
            {
                db.Set<ProjectShare>().Add(new ProjectShare { ProjectId = projectId, HouseholdId = id, Shares = shares, SetBy = caller.Subject, SetAt = now });
            }

            db.Audit(context, "assets.shares.set", nameof(ProjectShare), $"{projectId}/{id}");
        }

        await db.SaveChangesAsync(ct);
        var all = db.Set<ProjectShare>().Where(s => s.ProjectId == projectId);
        return new Proto.SetSharesResponse
        {
            HouseholdsSet = holdings.Count,
            TotalShares = await all.SumAsync(s => s.Shares, ct),
            ShareholdingHouseholds = await all.CountAsync(ct),
        };
    }

    [Allow(Roles.Readers, "read quantified shares")]
    public override async Task<Proto.ListProjectSharesResponse> ListProjectShares(Proto.ListProjectSharesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        await VisibleProjectAsync(caller, projectId, ct);
        var all = db.Set<ProjectShare>().AsNoTracking().Where(s => s.ProjectId == projectId);
        var rows = after is { } a ? all.Where(s => s.HouseholdId.CompareTo(a) > 0) : all;
        var holdings = await rows.OrderBy(s => s.HouseholdId).Take(page.Size + 1).ToListAsync(ct);
        var total = await all.CountAsync(ct);
        var totalShares = total == 0 ? 0 : await all.SumAsync(s => s.Shares, ct);
        db.Audit(context, "assets.shares.list", nameof(IndustryProject), projectId);
        await db.SaveChangesAsync(ct);

        var response = new Proto.ListProjectSharesResponse
        {
            TotalShares = totalShares,
            Page = Paging.Response(holdings, page, total, s => s.HouseholdId.ToString()),
        };
        response.Holdings.AddRange(holdings.Take(page.Size).Select(s => s.ToMessage()));
        return response;
    }

    [Allow(Roles.CountyOfficer, "pay dividends")]
    public override async Task<Proto.RunDividendResponse> RunDividend(Proto.RunDividendRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var runKey = request.RunKey.Trim();
        violations.Check(runKey.Length > 0, "run_key", "must not be blank");
        ValidYear(request.Year, violations, "year");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var project = await VisibleProjectAsync(caller, projectId, ct);
        var run = await db.Set<DividendRun>().FirstOrDefaultAsync(r => r.ProjectId == projectId && r.RunKey == runKey, ct);
        RpcErrors.ThrowIfRefused(ShareRules.DividendRefusal(run, runKey, request.Year, request.Amount.Fen, project.Status));

        if (run is { Status: DividendRunStatus.Completed })
        {
            db.Audit(context, "assets.dividend.replay", nameof(DividendRun), run.Id);
            await db.SaveChangesAsync(ct);
            return new Proto.RunDividendResponse { Run = run.ToMessage(), Replayed = true };
        }

        if (run is null)
        {
            run = await runner.StartAsync(projectId, runKey, request.Year, request.Amount.Fen, caller.Subject, ct);
            db.Audit(context, "assets.dividend.start", nameof(DividendRun), run.Id);
        }
        else
        {
            db.Audit(context, "assets.dividend.resume", nameof(DividendRun), run.Id);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await runner.ContinueAsync(run, ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation() || ex.IsConcurrencyConflict())
        {
            // Another call started the same run or paid part of it first: the run key is unique per project, the run's
            // version moves with its cursor and payment ids follow from the run key. Its payments stand; ours were rolled back.
            throw RpcErrors.Aborted($"Run {runKey} of the project is being paid by another call; call again to see where it stands.");
        }

        return new Proto.RunDividendResponse { Run = run.ToMessage() };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The contract sets the earliest year (2000); only the clock knows the latest.</summary>
    private void ValidYear(int year, FieldViolations violations, string field) =>
        violations.Check(year <= Now.Year, field, $"must not be after this year, {Now.Year}");

    /// <summary>The project when the caller's region covers its village; otherwise NotFound, as if it did not exist.</summary>
    private async Task<IndustryProject> VisibleProjectAsync(Caller caller, Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<IndustryProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !RegionCode.TryParse(project.VillageCode, out var village) || !caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Project {projectId}");
        }

        return project;
    }
}
