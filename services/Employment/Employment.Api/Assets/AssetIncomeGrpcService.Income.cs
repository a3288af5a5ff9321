using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Employment.Access;
using Platform.Employment.Labourers;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Assets;

/// <summary>Industry subsidies (产业奖补), a household's asset income, and village collective income (村集体经济收入).</summary>
public sealed partial class AssetIncomeGrpcService
{
    [Allow(Roles.Recorders, "grant industry subsidies")]
    public override async Task<Proto.GrantIndustrySubsidyResponse> GrantIndustrySubsidy(Proto.GrantIndustrySubsidyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        ValidYear(request.Year, violations, "year");
        violations.Check(request.Item.Trim().Length > 0, "item", "must not be blank");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        await EmploymentAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        SubsidyPrice price;
        try
        {
            price = IndustrySubsidyRule.Price(policy.For(request.Year), request.Item, request.Units)
                ?? throw RpcErrors.FailedPrecondition($"The rate table of {request.Year} has no industry subsidy for \"{request.Item.Trim()}\".");
        }
        catch (OverflowException)
        {
            throw RpcErrors.InvalidArgument("units", "gives an amount too large to pay");
        }

        var subsidy = db.Set<IndustrySubsidy>().Add(new IndustrySubsidy
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, Year = request.Year, Item = price.Item, Units = request.Units,
            RatePerUnitFen = price.RatePerUnitFen, AmountFen = price.AmountFen, GrantedBy = caller.Subject, GrantedAt = Now,
        }).Entity;
        db.Audit(context, "assets.subsidy.grant", nameof(IndustrySubsidy), subsidy.Id);
        await db.SaveChangesAsync(ct);
        return new Proto.GrantIndustrySubsidyResponse { Subsidy = subsidy.ToMessage() };
    }

    [Allow(Roles.Readers, "read asset income")]
    public override async Task<Proto.GetHouseholdAssetIncomeResponse> GetHouseholdAssetIncome(Proto.GetHouseholdAssetIncomeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var ct = context.CancellationToken;
        await EmploymentAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        var holdings = await db.Set<ProjectShare>().AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(ct);
        var dividends = await db.Set<DividendPayment>().AsNoTracking().Where(p => p.HouseholdId == householdId)
            .Join(db.Set<DividendRun>(), p => p.RunId, r => r.Id, (p, r) => new { Payment = p, r.RunKey }).ToListAsync(ct);
        var subsidies = await db.Set<IndustrySubsidy>().AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(ct);
        db.Audit(context, "assets.household.read", "Household", householdId);
        await db.SaveChangesAsync(ct);

        var response = new Proto.GetHouseholdAssetIncomeResponse();
        response.Holdings.AddRange(holdings.OrderBy(s => s.ProjectId).Select(s => s.ToMessage()));
        response.Dividends.AddRange(dividends.OrderByDescending(d => d.Payment.PaidAt).ThenBy(d => d.Payment.Id).Select(d => new Proto.DividendPayment
        {
            PaymentId = d.Payment.Id.ToString(), ProjectId = d.Payment.ProjectId.ToString(), RunKey = d.RunKey, Year = d.Payment.Year,
            Amount = AssetMapping.Fen(d.Payment.AmountFen), PaidAt = AssetMapping.Utc(d.Payment.PaidAt),
        }));
        response.Subsidies.AddRange(subsidies.OrderByDescending(s => s.GrantedAt).ThenByDescending(s => s.Id).Select(s => s.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "record village collective income")]
    public override async Task<Proto.RecordCollectiveIncomeResponse> RecordCollectiveIncome(Proto.RecordCollectiveIncomeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var isVillage = RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village;
        violations.Check(isVillage, "village_code", "must be the 12-digit code of a village");
        ValidYear(request.Year, violations, "year");
        var sources = new List<IncomeSource>();
        for (var i = 0; i < request.Sources.Count; i++)
        {
            var name = request.Sources[i].Name.Trim();
            violations.Check(name.Length > 0, $"sources[{i}].name", "must not be blank");
            sources.Add(new IncomeSource(name, request.Sources[i].Amount.Fen));
        }

        // The contract bounds each of at most 20 sources, so their sum cannot overflow.
        violations.Check(sources.Count == 0 || sources.Sum(s => s.AmountFen) == request.Amount.Fen, "sources", "must add up to the amount");
        violations.ThrowIfAny();

        if (!caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Village {request.VillageCode}");
        }

        var ct = context.CancellationToken;
        var income = await db.Set<CollectiveIncome>().FirstOrDefaultAsync(c => c.VillageCode == village.Value && c.Year == request.Year, ct);
        if (income is null)
        {
            income = db.Set<CollectiveIncome>().Add(new CollectiveIncome { VillageCode = village.Value, Year = request.Year, RecordedBy = caller.Subject }).Entity;
        }

        income.AmountFen = request.Amount.Fen;
        income.SourcesJson = AssetMapping.ToJson(sources);
        income.RecordedBy = caller.Subject;
        income.RecordedAt = Now;
        db.Audit(context, "assets.collective_income.record", nameof(CollectiveIncome), $"{village.Value}/{request.Year}");
        await db.SaveChangesAsync(ct);

        var standard = policy.For(request.Year).CollectiveIncomeStandardFen;
        return new Proto.RecordCollectiveIncomeResponse
        {
            Income = income.ToMessage(),
            BelowStandard = CollectiveIncomeRule.IsBelow(income.AmountFen, standard),
            Standard = AssetMapping.Fen(standard),
        };
    }

    [Allow(Roles.Readers, "list villages below the collective income standard")]
    public override async Task<Proto.ListVillagesBelowStandardResponse> ListVillagesBelowStandard(Proto.ListVillagesBelowStandardRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        // Not in the contract, so a bad page token is named in the same answer (assets.proto says why).
        violations.Check(request.Year >= 2000, "year", "must be 2000 or later");
        ValidYear(request.Year, violations, "year");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        // The villages the service knows: where registered households live, and any that reported income.
        var known = await db.Households.AsNoTracking().InRegion(h => h.RegionCode, region).Select(h => h.RegionCode).Distinct().ToListAsync(ct);
        known.AddRange(await db.Set<CollectiveIncome>().AsNoTracking().InRegion(c => c.VillageCode, region).Select(c => c.VillageCode).Distinct().ToListAsync(ct));
        var incomes = await db.Set<CollectiveIncome>().AsNoTracking().InRegion(c => c.VillageCode, region).Where(c => c.Year == request.Year)
            .ToDictionaryAsync(c => c.VillageCode, c => c.AmountFen, ct);
        var standard = policy.For(request.Year).CollectiveIncomeStandardFen;
        var below = known.Distinct()
            .Where(code => RegionCode.TryParse(code, out var v) && v.Level == RegionLevel.Village)
            .Select(code => (Code: code, Amount: incomes.TryGetValue(code, out var amount) ? amount : (long?)null))
            .Where(v => CollectiveIncomeRule.IsBelow(v.Amount, standard))
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
        var rows = below.Where(v => page.After is null || string.CompareOrdinal(v.Code, page.After) > 0).Take(page.Size + 1).ToList();
        db.Audit(context, "assets.collective_income.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);

        var response = new Proto.ListVillagesBelowStandardResponse
        {
            Standard = AssetMapping.Fen(standard),
            Page = Paging.Response(rows, page, below.Count, v => v.Code),
        };
        response.Villages.AddRange(rows.Take(page.Size).Select(v => new Proto.VillageBelowStandard
        {
            VillageCode = v.Code,
            Recorded = v.Amount is not null,
            Amount = AssetMapping.Fen(v.Amount ?? 0),
            Shortfall = AssetMapping.Fen(CollectiveIncomeRule.Shortfall(v.Amount, standard)),
        }));
        return response;
    }
}
