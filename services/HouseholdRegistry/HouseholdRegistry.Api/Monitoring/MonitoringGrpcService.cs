using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Platform.Messaging;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>Return-to-poverty monitoring (防返贫监测): filing, triggers, risk elimination, listing and history; re-entry in the second part.</summary>
public sealed partial class MonitoringGrpcService(
    RegistryDbContext db,
    PersonalDataProtector protector,
    RegistryPolicy policy,
    TimeProvider time) : MonitoringService.MonitoringServiceBase
{
    private const string EntityType = "household";

    [Allow(Roles.Recorders, "file households for monitoring")]
    public override async Task<FileMonitoredHouseholdResponse> FileMonitoredHousehold(FileMonitoredHouseholdRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var yearPolicy = policy.For(now);
        var violations = new FieldViolations();
        var form = new FieldViolations();
        var members = ApplicationRules.Validate(request.Household, DateOnly.FromDateTime(now), form);
        foreach (var v in form.Items)
        {
            violations.Add($"household.{v.Field}", v.Description);
        }

        var trigger = request.InitialTrigger;
        var declared = request.Household.DeclaredIncomePerCapita?.Fen ?? 0;
        violations.Check(trigger != MonitoringTrigger.IncomeBelowBand || declared < yearPolicy.MonitoringBandUpperFen,
            "household.declared_income_per_capita", $"must be below the monitoring band {IncomeCalculator.Yuan(yearPolicy.MonitoringBandUpperFen)} for INCOME_BELOW_BAND");
        violations.ThrowIfAny();

        await HouseholdFiling.FilingVillageAsync(db, caller, request.Household.RegionCode, "household.region_code", context.CancellationToken);

        var hashes = members.Select(m => protector.LookupHash(m.Id.Normalized)).ToList();
        await HouseholdFiling.EnsureNotActiveElsewhereAsync(db, hashes, context.CancellationToken);
        var household = HouseholdFiling.Create(request.Household, members, hashes, HouseholdStatus.Monitored, caller.Subject, now, protector);
        household.MonitoringCategory = MonitoringCategory.None;
        Screening.HouseholdScreening.Refresh(household, yearPolicy);
        db.Households.Add(household);
        MonitoringJournal.Apply(db, household, trigger, request.Reason.Trim(), trigger == MonitoringTrigger.IncomeBelowBand ? declared : null,
            caller.Subject, now, yearPolicy, declared);
        db.Audit(context, "monitoring.file", EntityType, household.Id);

        // Services that assess guarantees learn the new household's members as they would after any change of them.
        db.AddEvent(household.ToMembersChanged(now), household.Id.ToString(), now);
        await HouseholdFiling.SaveActiveMembersAsync(db, hashes, context.CancellationToken);

        return new FileMonitoredHouseholdResponse { Household = household.ToMessage(protector, caller.HasPersonalDataScope) };
    }

    [Allow(Roles.Recorders, "declare hardship")]
    public override async Task<DeclareHardshipResponse> DeclareHardship(DeclareHardshipRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await RegistryCalls.FindAsync(db.Households, id, caller, context.CancellationToken);
        var change = MonitoringJournal.Apply(db, household, MonitoringRules.TriggerOf(request.Kind), request.Description.Trim(), request.Amount?.Fen,
            caller.Subject, now, policy.For(now))!;
        db.Audit(context, "monitoring.declare-hardship", EntityType, household.Id);
        await RegistryCalls.SaveAsync(db, context.CancellationToken);
        return new DeclareHardshipResponse { Change = change.ToMessage() };
    }

    [Allow(Roles.CountyOfficer, "eliminate monitoring risks")]
    public override async Task<EliminateRiskResponse> EliminateRisk(EliminateRiskRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await RegistryCalls.FindAsync(db.Households.Include(h => h.Members), id, caller, context.CancellationToken);
        var blockers = await RiskBlockersAsync(household, now, context.CancellationToken);
        if (blockers.Count > 0)
        {
            throw RpcErrors.FailedPrecondition($"Risk cannot be eliminated: {string.Join("; ", blockers)}.");
        }

        var change = MonitoringJournal.Apply(db, household, MonitoringTrigger.RiskEliminated, request.Reason.Trim(), null, caller.Subject, now, policy.For(now))!;
        db.Audit(context, "monitoring.eliminate-risk", EntityType, household.Id);
        await RegistryCalls.SaveAsync(db, context.CancellationToken);
        return new EliminateRiskResponse { Change = change.ToMessage() };
    }

    [Allow(Roles.Readers, "list monitored households")]
    public override async Task<ListMonitoredResponse> ListMonitored(ListMonitoredRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");

        violations.ThrowIfAny();

        var prefix = region.SignificantPrefix;
        var query = db.Households.AsNoTracking().InRegion(h => h.RegionCode, prefix);
        query = request.Category == MonitoringCategory.Unspecified
            ? query.Where(h => h.MonitoringCategory != MonitoringCategory.None && h.MonitoringCategory != MonitoringCategory.Unspecified)
            : query.Where(h => h.MonitoringCategory == request.Category);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(h => after == null || h.Seq < after).OrderByDescending(h => h.Seq).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var seqs = rows.Select(h => h.Seq).ToList();
        var records = await db.MonitoringRecords.AsNoTracking().Where(r => seqs.Contains(r.HouseholdSeq)).ToDictionaryAsync(r => r.HouseholdSeq, context.CancellationToken);

        db.Audit(context, "monitoring.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListMonitoredResponse { Page = Paging.Response(rows, page, total, h => h.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        response.Households.AddRange(rows.Take(page.Size).Select(h => h.ToMonitored(records.GetValueOrDefault(h.Seq))));
        return response;
    }

    [Allow(Roles.Readers, "read monitoring histories")]
    public override async Task<GetMonitoringHistoryResponse> GetMonitoringHistory(GetMonitoringHistoryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await RegistryCalls.FindAsync(db.Households.AsNoTracking().Include(h => h.Members), id, caller, context.CancellationToken);
        var history = await db.MonitoringHistory.AsNoTracking().Where(e => e.HouseholdSeq == household.Seq).OrderBy(e => e.Id).ToListAsync(context.CancellationToken);
        var record = await db.MonitoringRecords.AsNoTracking().FirstOrDefaultAsync(r => r.HouseholdSeq == household.Seq, context.CancellationToken);
        db.Audit(context, "monitoring.read-history", EntityType, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new GetMonitoringHistoryResponse { Household = household.ToMonitored(record) };
        response.Changes.AddRange(history.Select(e => e.ToMessage()));
        response.RiskEliminationBlockers.AddRange(Blockers(household, record, now));
        return response;
    }

    private async Task<IReadOnlyList<string>> RiskBlockersAsync(Household household, DateTime now, CancellationToken cancellationToken)
    {
        var record = await db.MonitoringRecords.AsNoTracking().FirstOrDefaultAsync(r => r.HouseholdSeq == household.Seq, cancellationToken);
        return Blockers(household, record, now);
    }

    private IReadOnlyList<string> Blockers(Household household, MonitoringRecord? record, DateTime now) =>
        RiskElimination.Blockers(household.MonitoringCategory, record?.IncomeAboveBandSince, household.Guarantees,
            household.Members.Where(m => m.IsActive).Select(m => m.LabourCapacity), now, policy.For(now));
}
