using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>Helpers and their pairings, and village work teams. Visits, measures and spot checks are in the other parts of this class.</summary>
public sealed partial class SupportGrpcService(
    RegistryDbContext db,
    PersonalDataProtector protector,
    RegistryPolicy policy,
    TimeProvider time) : SupportService.SupportServiceBase
{
    private const string HouseholdEntity = "household";

    [Allow(Roles.Recorders, "register helpers")]
    public override async Task<RegisterHelperResponse> RegisterHelper(RegisterHelperRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.RegionCode, out var region) && region.Level >= RegionLevel.County, "region_code", "must be the code of a county, township or village");
        violations.ThrowIfAny();
        if (!caller.CanSee(region))
        {
            throw RpcErrors.PermissionDenied($"Region {region} is outside your region {caller.Region}.");
        }

        if (!await db.Regions.AnyAsync(r => r.Code == region.Value, context.CancellationToken))
        {
            throw RpcErrors.InvalidArgument("region_code", "is not a region known to the registry");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var helper = new Helper
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            WorkUnit = request.WorkUnit.Trim(),
            PhoneCipher = protector.Encrypt(request.Phone),
            RegionCode = region.Value,
            RegisteredAt = now,
        };
        db.Helpers.Add(helper);
        db.Audit(context, "helper.register", "helper", helper.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RegisterHelperResponse { Helper = helper.ToMessage(protector, caller.HasPersonalDataScope, 0) };
    }

    [Allow(Roles.Officers | Roles.Auditor, "list helpers")]
    public override async Task<ListHelpersResponse> ListHelpers(ListHelpersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (region, page, after) = SupportAccess.ReadListing(caller, request.RegionCode, request.Page, context.Method);

        var prefix = region.SignificantPrefix;
        var query = db.Helpers.AsNoTracking().InRegion(h => h.RegionCode, prefix);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(h => after == null || h.Seq > after).OrderBy(h => h.Seq).Take(page.Size + 1)
            .Select(h => new { Helper = h, Paired = db.HelperPairings.Count(p => p.HelperId == h.Id && p.To == null) })
            .ToListAsync(context.CancellationToken);

        db.Audit(context, "helper.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListHelpersResponse { Page = Paging.Response(rows, page, total, r => r.Helper.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Helpers.AddRange(rows.Take(page.Size).Select(r => r.Helper.ToMessage(protector, caller.HasPersonalDataScope, r.Paired)));
        return response;
    }

    [Allow(Roles.Recorders, "pair helpers")]
    public override async Task<PairHelperResponse> PairHelper(PairHelperRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var helperId = Ids.Require(request.HelperId, violations, "helper_id");
        violations.ThrowIfAny();

        var household = await SupportAccess.VisibleHouseholdAsync(db, caller, householdId, context);
        var helper = await SupportAccess.VisibleHelperAsync(db, caller, helperId, context);
        var paired = await db.HelperPairings.CountAsync(p => p.HelperId == helper.Id && p.To == null, context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var refusal = PairingRules.Refusal(household.Status, household.RegionCode, household.HelperId, helper, paired, policy.For(now));
        if (refusal is not null)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        foreach (var previous in await db.HelperPairings.Where(p => p.HouseholdId == household.Id && p.To == null).ToListAsync(context.CancellationToken))
        {
            previous.To = now;
        }

        var pairing = new HelperPairing { HelperId = helper.Id, HouseholdId = household.Id, From = now };
        db.HelperPairings.Add(pairing);
        household.HelperId = helper.Id;
        db.Audit(context, "helper.pair", HouseholdEntity, household.Id);
        db.AddEvent(new HelperAssigned(household.Id, household.RegionCode, helper.Id, helper.Name, helper.WorkUnit, now), household.Id.ToString(), now);
        await SupportAccess.SaveAsync(db, context.CancellationToken);
        return new PairHelperResponse { Pairing = pairing.ToMessage() };
    }

    [Allow(Roles.Recorders, "set village work teams")]
    public override async Task<SetWorkTeamResponse> SetWorkTeam(SetWorkTeamRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village, "village_code", "must be the code of a village");
        var from = request.From.ToDateOnly();
        violations.Check(from is not null, "from", "must be a valid date");
        violations.ThrowIfAny();
        if (!caller.CanSee(village))
        {
            throw RpcErrors.PermissionDenied($"Village {village} is outside your region {caller.Region}.");
        }

        if (!await db.Regions.AnyAsync(r => r.Code == village.Value, context.CancellationToken))
        {
            throw RpcErrors.InvalidArgument("village_code", "is not a village known to the registry");
        }

        var current = await db.WorkTeams.FirstOrDefaultAsync(t => t.VillageCode == village.Value && t.To == null, context.CancellationToken);
        if (SupportRules.WhyTeamCannotStart(current?.From, from!.Value) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        if (current is not null)
        {
            current.To = from!.Value.AddDays(-1);
        }

        var team = new WorkTeam
        {
            Id = Guid.CreateVersion7(),
            VillageCode = village.Value,
            PairedUnit = request.PairedUnit.Trim(),
            FirstSecretaryName = request.FirstSecretaryName.Trim(),
            MemberNames = request.MemberNames.Select(n => n.Trim()).ToList(),
            From = from!.Value,
        };
        db.WorkTeams.Add(team);
        var now = time.GetUtcNow().UtcDateTime;
        db.Audit(context, "workteam.set", "work-team", team.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new SetWorkTeamResponse { WorkTeam = team.ToMessage() };
    }

    [Allow(Roles.Officers | Roles.Auditor, "list village work teams")]
    public override async Task<ListWorkTeamsResponse> ListWorkTeams(ListWorkTeamsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (region, page, after) = SupportAccess.ReadListing(caller, request.RegionCode, request.Page, context.Method);

        var prefix = region.SignificantPrefix;
        var query = db.WorkTeams.AsNoTracking().InRegion(t => t.VillageCode, prefix).Where(t => request.IncludeEnded || t.To == null);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(t => after == null || t.Seq > after).OrderBy(t => t.Seq).Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Audit(context, "workteam.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListWorkTeamsResponse { Page = Paging.Response(rows, page, total, t => t.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.WorkTeams.AddRange(rows.Take(page.Size).Select(t => t.ToMessage()));
        return response;
    }

}
