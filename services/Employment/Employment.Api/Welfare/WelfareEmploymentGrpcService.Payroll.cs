using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Contracts;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Employment.Welfare;

/// <summary>
/// The monthly post payroll's transport: it loads the village's assignments active in the month (or
/// already paid for it), their attendance and issued payslips, lets <see cref="PostPayroll"/> decide,
/// and saves the payslips with their WagesPaid in one transaction.
/// </summary>
public sealed partial class WelfareEmploymentGrpcService
{
    [Allow(Roles.Recorders, "run the public-welfare post payroll")]
    public override async Task<RunPostPayrollResponse> RunPostPayroll(RunPostPayrollRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
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

        var worked = assignments.Select(a => new PayrollAssignment(a.Assignment, a.Post, units.GetValueOrDefault(a.Assignment.Id)));
        var result = PostPayroll.Run(year, month, policy.For(year).PublicWelfarePostMonthlyCapFen, worked, slips, now);
        db.AddRange(result.Added);
        foreach (var slip in result.Corrected)
        {
            // The tracked payslip keeps the amount it was read with, so a concurrent run's correction is a conflict.
            db.Entry(slips[slip.AssignmentId]).CurrentValues.SetValues(slip);
        }

        foreach (var wages in result.Payments)
        {
            db.AddEvent(wages, wages.HouseholdId.ToString(), now);
        }

        db.Audit(context, "welfare.post.payroll", "Village", $"{village.Value}/{year:D4}-{month:D2}");
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

        metrics.IncomePaid(PostPayroll.EmploymentType, result.NewlyPaidFen);

        var all = slips.Values.Concat(result.Added).OrderBy(s => s.AssignmentId).ToList();
        var response = new RunPostPayrollResponse { Published = result.Payments.Count, Total = WelfareMapping.Money(all.Sum(s => s.AmountFen)) };
        response.Payslips.AddRange(all.Select(s => s.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "list public-welfare post payslips")]
    public override async Task<ListPayslipsResponse> ListPayslips(ListPayslipsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        // Not in the contract, so a bad page token is named in the same answer (welfare.proto says why).
        violations.Check(request.Year >= WelfareValidation.EarliestYear, "year", $"must be {WelfareValidation.EarliestYear} or later");
        violations.Check(request.Month is >= 1 and <= 12, "month", "must be from 1 to 12");
        var (year, month) = WelfareValidation.Month(request.Year, request.Month, DateOnly.FromDateTime(now), violations);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var query = db.Set<PostPayslip>().AsNoTracking().InRegion(p => p.VillageCode, region).Where(p => p.Year == year && p.Month == month);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.AssignmentId.CompareTo(after.Value) > 0).OrderBy(p => p.AssignmentId)
            .Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Audit(context, "welfare.post.payslip-list", "Region", $"{region.Value}/{year:D4}-{month:D2}");
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListPayslipsResponse { Page = Paging.Response(rows, page, total, p => p.AssignmentId.ToString()) };
        response.Payslips.AddRange(rows.Take(page.Size).Select(p => p.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "read public-welfare post totals")]
    public override async Task<GetVillagePostTotalsResponse> GetVillagePostTotals(GetVillagePostTotalsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
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
