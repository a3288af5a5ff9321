using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Access;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Assistance.FoodAndClothing;
using Platform.Persistence;
using Platform.ServiceDefaults;
using Platform.Security;

namespace Platform.Assistance.Guarantees;

/// <summary>Guarantee status per household and coverage per region; the village's food-and-clothing declaration.</summary>
public sealed class GuaranteeGrpcService(AssistanceDbContext db, GuaranteeAssessor assessor, CoverageReader coverage, TimeProvider time) : GuaranteeService.GuaranteeServiceBase
{
    [Allow(Roles.Readers, "read guarantee status")]
    public override async Task<GetHouseholdGuaranteesResponse> GetHouseholdGuarantees(GetHouseholdGuaranteesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var row = await db.Guarantees.FirstOrDefaultAsync(g => g.HouseholdId == id, context.CancellationToken);
        if (row is null)
        {
            await assessor.AssessAsync([household], context.CancellationToken);
            row = db.Guarantees.Local.Single(g => g.HouseholdId == id);
        }

        db.Audit(context, "guarantees.read", "Household", id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new GetHouseholdGuaranteesResponse { Guarantees = row.ToMessage(household.Status) };
    }

    [Allow(Roles.Readers, "list guarantee status")]
    public override async Task<ListHouseholdGuaranteesResponse> ListHouseholdGuarantees(ListHouseholdGuaranteesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();
        var query = db.Guarantees.AsNoTracking().InRegion(g => g.RegionCode, region);
        if (request.OnlyNotMet)
        {
            query = query.Where(g => !g.AllMet);
        }

        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(g => after == null || g.HouseholdId.CompareTo(after.Value) > 0)
            .OrderBy(g => g.HouseholdId).Take(page.Size + 1)
            .Join(db.Households, g => g.HouseholdId, h => h.Id, (g, h) => new { g, h.Status })
            .ToListAsync(context.CancellationToken);

        var response = new ListHouseholdGuaranteesResponse { Page = Paging.Response(rows, page, total, r => r.g.HouseholdId.ToString()) };
        response.Households.AddRange(rows.Take(page.Size).Select(r => r.g.ToMessage(r.Status)));
        return response;
    }

    [Allow(Roles.Recorders, "declare food and clothing")]
    public override async Task<DeclareFoodAndClothingResponse> DeclareFoodAndClothing(DeclareFoodAndClothingRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        violations.Check(request.Secure || !string.IsNullOrWhiteSpace(request.Note), "note", "must say what the village found when the household is not secure");
        violations.ThrowIfAny();

        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new FoodAndClothingDeclaration
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = id,
            Secure = request.Secure,
            Note = request.Note.Trim(),
            DeclaredBy = caller.Subject,
            DeclaredByRegion = caller.Region.Value,
            DeclaredAt = now,
        });
        db.Audit(context, "food-and-clothing.declare", "Household", id);
        await db.SaveAndReassessAsync(assessor, [id], context.CancellationToken);
        var row = await db.Guarantees.SingleAsync(g => g.HouseholdId == id, context.CancellationToken);
        return new DeclareFoodAndClothingResponse { Guarantees = row.ToMessage(household.Status) };
    }

    [Allow(Roles.Readers, "read coverage")]
    public override async Task<GetRegionCoverageResponse> GetRegionCoverage(GetRegionCoverageRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var year = Year(request.Year);
        violations.ThrowIfAny();
        return new GetRegionCoverageResponse { Coverage = await coverage.ForRegionAsync(region, year, context.CancellationToken) };
    }

    [Allow(Roles.Readers, "read coverage")]
    public override async Task<ListRegionCoverageResponse> ListRegionCoverage(ListRegionCoverageRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var year = Year(request.Year);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        violations.ThrowIfAny();

        var (children, total) = await coverage.ChildKeysAsync(region, page.After, page.Size + 1, context.CancellationToken);
        var shown = children.Take(page.Size).ToList();
        var figures = await coverage.BuildAsync(shown, CoverageReader.ChildKeyLength(region.Level), year, context.CancellationToken);
        var response = new ListRegionCoverageResponse { Page = Paging.Response(children, page, total, c => c) };
        response.Regions.AddRange(shown.Select(c => figures[c]));
        return response;
    }

    /// <summary>0 asks for this year; any other year is within the contract's 2000–2100.</summary>
    private int Year(int requested) => requested == 0 ? time.GetUtcNow().Year : requested;
}
