using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>Reading cases, their archive and the village notice boards.</summary>
public sealed partial class IdentificationGrpcService
{
    [Allow(Roles.Readers, "read cases")]
    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var @case = await LoadCaseAsync(id, caller, context.CancellationToken);

        // Objections carry the objectors' names.
        db.Audit(context, "case.read", "case", @case.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new GetCaseResponse { Case = @case.ToMessage() };
    }

    [Allow(Roles.Readers, "read case histories")]
    public override async Task<GetCaseHistoryResponse> GetCaseHistory(GetCaseHistoryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        var region = await db.Households.Where(h => h.Id == id).Select(h => h.RegionCode).FirstOrDefaultAsync(context.CancellationToken);
        if (region is null || !caller.CanSee(RegionCode.Parse(region)))
        {
            throw RpcErrors.NotFound($"Household {id}");
        }

        var cases = await Cases().Where(c => c.Household.Id == id).OrderBy(c => c.Seq).ToListAsync(context.CancellationToken);
        db.Audit(context, "case.history", "household", id);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new GetCaseHistoryResponse();
        response.Cases.AddRange(cases.Select(c => c.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "list notices")]
    public override async Task<ListNoticesResponse> ListNotices(ListNoticesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village,
            "village_code", "must be the 12-digit code of a village");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        if (!caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Village {village}");
        }

        var query = db.Notices.AsNoTracking().Where(n => n.VillageCode == village.Value);
        if (request.Status != NoticeStatus.Unspecified)
        {
            query = query.Where(n => n.Status == request.Status);
        }

        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(n => after == null || n.Seq < after)
            .OrderByDescending(n => n.Seq)
            .Take(page.Size + 1)
            .Select(n => new
            {
                n.Seq,
                n.Id,
                CaseId = n.Case.Id,
                HouseholdId = n.Case.Household.Id,
                Head = n.Case.Household.Members.Where(m => m.Relationship == Relationship.Head).Select(m => m.Name).FirstOrDefault(),
                n.Case.Household.Address,
                n.Kind,
                CaseKind = n.Case.Kind,
                n.StartDate,
                n.EndDate,
                n.Status,
                OpenObjections = n.Objections.Count(o => o.Status == ObjectionStatus.Open),
                Overridden = n.Case.Household.ScreeningOverride != null,
            })
            .ToListAsync(context.CancellationToken);

        // The board shows the heads' names.
        db.Audit(context, "notice.list", "region", village.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListNoticesResponse { Page = Paging.Response(rows, page, total, r => r.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Notices.AddRange(rows.Take(page.Size).Select(r => new NoticeEntry
        {
            NoticeId = r.Id.ToString(),
            CaseId = r.CaseId.ToString(),
            HouseholdId = r.HouseholdId.ToString(),
            HeadOfHouseholdName = r.Head ?? "",
            Address = r.Address,
            Kind = r.Kind,
            CaseKind = r.CaseKind,
            StartDate = r.StartDate.ToProto(),
            EndDate = r.EndDate.ToProto(),
            Status = r.Status,
            OpenObjections = r.OpenObjections,
            ScreeningOverridden = r.Overridden,
        }));
        return response;
    }

    [Allow(Roles.Readers, "list cases")]
    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();

        var prefix = region.SignificantPrefix;
        var query = db.Cases.AsNoTracking().InRegion(c => c.RegionCode, prefix);
        if (request.Kind != CaseKind.Unspecified)
        {
            query = query.Where(c => c.Kind == request.Kind);
        }

        if (request.Stage != CaseStage.Unspecified)
        {
            query = query.Where(c => c.Stage == request.Stage);
        }

        if (request.Outcome != CaseOutcome.Unspecified)
        {
            query = query.Where(c => c.Outcome == request.Outcome);
        }

        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(c => after == null || c.Seq < after)
            .OrderByDescending(c => c.Seq)
            .Take(page.Size + 1)
            .Include(c => c.Household)
            .ToListAsync(context.CancellationToken);

        db.Audit(context, "case.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListCasesResponse { Page = Paging.Response(rows, page, total, c => c.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Cases.AddRange(rows.Take(page.Size).Select(c => c.ToMessage(withArchive: false)));
        return response;
    }
}
