using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

/// <summary>Household files: application, reading and listing, scoped to the caller's region.</summary>
public sealed partial class HouseholdGrpcService(
    RegistryDbContext db,
    PersonalDataProtector protector,
    RegistryMetrics metrics,
    Policy.RegistryPolicy policy,
    TimeProvider time) : HouseholdService.HouseholdServiceBase
{
    private const string EntityType = "household";

    [Allow(Roles.Recorders, "file household applications")]
    public override async Task<CreateHouseholdApplicationResponse> CreateHouseholdApplication(CreateHouseholdApplicationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var members = ApplicationRules.Validate(request, DateOnly.FromDateTime(now), violations);
        violations.ThrowIfAny();

        await HouseholdFiling.FilingVillageAsync(db, caller, request.RegionCode, "region_code", context.CancellationToken);

        var hashes = members.Select(m => protector.LookupHash(m.Id.Normalized)).ToList();
        await HouseholdFiling.EnsureNotActiveElsewhereAsync(db, hashes, context.CancellationToken);

        var household = HouseholdFiling.Create(request, members, hashes, HouseholdStatus.Applied, caller.Subject, now, protector);
        Screening.HouseholdScreening.Refresh(household, policy.For(now));
        db.Households.Add(household);
        db.Cases.Add(Identification.IdentificationScreening.OpenAtApplication(household, caller, now, db, context.AccessPurpose()));
        db.Audit(context, "household.apply", EntityType, household.Id);
        db.AddEvent(household.ToApplied(), household.Id.ToString(), now);
        await HouseholdFiling.SaveActiveMembersAsync(db, hashes, context.CancellationToken);

        metrics.Applied(household.RegionCode);
        return new CreateHouseholdApplicationResponse { Household = household.ToMessage(protector, caller.HasPersonalDataScope) };
    }

    [Allow(Roles.Readers, "read household files")]
    public override async Task<GetHouseholdResponse> GetHousehold(GetHouseholdRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await db.Households.AsNoTracking().Include(h => h.Members)
            .FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {id}");
        }

        db.Audit(context, "household.read", EntityType, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new GetHouseholdResponse { Household = await household.ToMessage(protector, caller.HasPersonalDataScope).WithHelperAsync(db, context.CancellationToken) };
    }

    [Allow(Roles.Readers, "list household files")]
    public override async Task<ListHouseholdsResponse> ListHouseholds(ListHouseholdsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        violations.Check(Enum.IsDefined(request.Status), "status", "is not a known household status");
        violations.Check(Enum.IsDefined(request.PrimaryCause), "primary_cause", "is not a known poverty cause");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");

        violations.ThrowIfAny();

        var prefix = region.SignificantPrefix;
        var query = db.Households.AsNoTracking().InRegion(h => h.RegionCode, prefix);
        if (request.Status != HouseholdStatus.Unspecified)
        {
            query = query.Where(h => h.Status == request.Status);
        }

        if (request.PrimaryCause != PovertyCause.Unspecified)
        {
            query = query.Where(h => h.PrimaryCause == request.PrimaryCause);
        }

        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(h => after == null || h.Seq < after)
            .OrderByDescending(h => h.Seq)
            .Take(page.Size + 1)
            .Include(h => h.Members)
            .AsSplitQuery()
            .ToListAsync(context.CancellationToken);

        db.Audit(context, "household.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListHouseholdsResponse { Page = Paging.Response(rows, page, total, h => h.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        response.Households.AddRange(rows.Take(page.Size).Select(h => h.ToMessage(protector, caller.HasPersonalDataScope)));
        await HelperNames.FillAsync(db, response.Households, context.CancellationToken);
        return response;
    }
}
