using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Contracts;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Employment.Welfare;

/// <summary>
/// The monthly post payroll. A run computes every assignment of the village that was active in the
/// month and stores one payslip per assignment and month; each new payslip, and each whose amount a
/// correction changed, goes to the registry as WagesPaid with the payment id of that assignment and
/// month, so the registry replaces its income entry instead of adding one. The monthly cap applies
/// per assignment.
/// </summary>
public sealed partial class WelfareEmploymentGrpcService
{
    public const string PostEmploymentType = "public-welfare-post";

    public override async Task<RunPostPayrollResponse> RunPostPayroll(RunPostPayrollRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        RegionAccess.Require(caller, RegionAccess.Recorders, "run the public-welfare post payroll");
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var village = WelfareValidation.Village(request.VillageCode, violations, "village_code");
        var (year, month) = WelfareValidation.Month(request.Year, request.Month, DateOnly.FromDateTime(now), violations);
        violations.ThrowIfAny();
        RequireVisible(caller, village);

        var ct = context.CancellationToken;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var slips = await db.Set<PostPayslip>().Where(p => p.VillageCode == village.Value && p.Year == year && p.Month == month)
            .ToDictionaryAsync(p => p.AssignmentId, ct);
        var known = slips.Keys.ToList();
        var assignments = await db.Set<PostAssignment>().AsNoTracking()
            .Where(a => a.VillageCode == village.Value && ((a.StartedOn <= last && (a.EndedOn == null || a.EndedOn >= first)) || known.Contains(a.Id)))
            .Join(db.Set<PublicWelfarePost>(), a => a.PostId, p => p.Id, (a, p) => new { Assignment = a, Post = p })
            .ToListAsync(ct);
        var ids = assignments.Select(a => a.Assignment.Id).ToList();
        var units = await db.Set<PostAttendance>().Where(a => ids.Contains(a.AssignmentId) && a.WorkedOn >= first && a.WorkedOn <= last)
            .GroupBy(a => a.AssignmentId).Select(g => new { g.Key, Units = g.Sum(a => a.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Units, ct);

        var cap = policy.For(year).PublicWelfarePostMonthlyCapFen;
        var published = 0;
        long paidFen = 0;
        foreach (var (assignment, post) in assignments.Select(a => (a.Assignment, a.Post)))
        {
            var worked = units.GetValueOrDefault(assignment.Id);
            slips.TryGetValue(assignment.Id, out var slip);
            if (slip is null && worked == 0)
            {
                continue;
            }

            var pay = PostPayCalculator.Monthly(worked, post.RateFen, cap);
            var previousFen = slip?.AmountFen;
            if (slip is null)
            {
                slip = new PostPayslip
                {
                    AssignmentId = assignment.Id, Year = year, Month = month, PostId = post.Id, VillageCode = assignment.VillageCode,
                    LabourerId = assignment.LabourerId, HouseholdId = assignment.HouseholdId, PaymentId = PaymentIds.ForPostPay(assignment.Id, year, month),
                };
                db.Add(slip);
                slips[assignment.Id] = slip;
            }
            else if (slip.Units == pay.Units && slip.AmountFen == pay.AmountFen && slip.RateFen == post.RateFen && slip.GrossFen == pay.GrossFen)
            {
                continue;
            }

            slip.PayBasis = post.PayBasis;
            slip.Units = pay.Units;
            slip.RateFen = post.RateFen;
            slip.GrossFen = pay.GrossFen;
            slip.AmountFen = pay.AmountFen;
            slip.Capped = pay.Capped;
            slip.ComputedAt = now;
            if (previousFen != pay.AmountFen)
            {
                db.AddEvent(
                    new WagesPaid(slip.HouseholdId, slip.LabourerId, slip.PaymentId, year, month, slip.AmountFen, PostEmploymentType, now),
                    slip.HouseholdId.ToString(), now);
                paidFen += Math.Max(0, pay.AmountFen - (previousFen ?? 0));
                published++;
            }
        }

        db.Record(caller, "welfare.post.payroll", "Village", $"{village.Value}/{year:D4}-{month:D2}", context.AccessPurpose(), now, CallContextExtensions.TraceId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation() || ex.IsConcurrencyConflict())
        {
            // Another run of the same village and month saved first: a payslip we would add now exists, or one we
            // would correct no longer holds the amount we read. Its payslips and events stand; run again to see them.
            throw RpcErrors.Aborted($"The {year:D4}-{month:D2} payroll of village {village.Value} was run by another call at the same time; run it again to see the result.");
        }

        metrics.IncomePaid(PostEmploymentType, paidFen);

        var response = new RunPostPayrollResponse { Published = published, Total = WelfareMapping.Money(slips.Values.Sum(s => s.AmountFen)) };
        response.Payslips.AddRange(slips.Values.OrderBy(s => s.AssignmentId).Select(s => s.ToMessage()));
        return response;
    }

    public override async Task<ListPayslipsResponse> ListPayslips(ListPayslipsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        RegionAccess.Require(caller, RegionAccess.Readers, "list public-welfare post payslips");
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var (year, month) = WelfareValidation.Month(request.Year, request.Month, DateOnly.FromDateTime(now), violations);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var query = db.Set<PostPayslip>().AsNoTracking().InRegion(p => p.VillageCode, region).Where(p => p.Year == year && p.Month == month);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.AssignmentId.CompareTo(after.Value) > 0).OrderBy(p => p.AssignmentId)
            .Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Record(caller, "welfare.post.payslip-list", "Region", $"{region.Value}/{year:D4}-{month:D2}", context.AccessPurpose(), now, CallContextExtensions.TraceId);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListPayslipsResponse { Page = Paging.Response(rows, page, total, p => p.AssignmentId.ToString()) };
        response.Payslips.AddRange(rows.Take(page.Size).Select(p => p.ToMessage()));
        return response;
    }

    public override async Task<GetVillagePostTotalsResponse> GetVillagePostTotals(GetVillagePostTotalsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        RegionAccess.Require(caller, RegionAccess.Readers, "read public-welfare post totals");
        var violations = new FieldViolations();
        var village = WelfareValidation.Village(request.VillageCode, violations, "village_code");
        var (year, month) = WelfareValidation.Month(request.Year, request.Month, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations);
        violations.ThrowIfAny();
        RequireVisible(caller, village);

        var ct = context.CancellationToken;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var posts = await db.Set<PublicWelfarePost>().CountAsync(p => p.VillageCode == village.Value, ct);
        var people = await db.Set<PostAssignment>()
            .Where(a => a.VillageCode == village.Value && a.StartedOn <= last && (a.EndedOn == null || a.EndedOn >= first))
            .Select(a => a.LabourerId).Distinct().CountAsync(ct);
        var slips = db.Set<PostPayslip>().Where(p => p.VillageCode == village.Value && p.Year == year && p.Month <= month);
        var thisMonth = await slips.Where(p => p.Month == month).SumAsync(p => p.AmountFen, ct);
        var thisYear = await slips.SumAsync(p => p.AmountFen, ct);
        return new GetVillagePostTotalsResponse
        {
            VillageCode = village.Value,
            Posts = posts,
            People = people,
            PayThisMonth = WelfareMapping.Money(thisMonth),
            PayThisYear = WelfareMapping.Money(thisYear),
        };
    }
}
