using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Access;
using Platform.Employment.Data;
using Platform.Employment.Labourers;
using Platform.Employment.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Employment.Welfare;

/// <summary>
/// Poverty-alleviation workshops (就业扶贫车间) in this part; public-welfare posts and their payroll
/// in the others. Workshops and posts belong to a village and are seen by the officers whose region
/// covers it; elsewhere they are NotFound.
/// </summary>
public sealed partial class WelfareEmploymentGrpcService(
    EmploymentDbContext db, EmploymentPolicy policy, EmploymentMetrics metrics, TimeProvider time)
    : WelfareEmploymentService.WelfareEmploymentServiceBase
{
    [Allow(Roles.Recorders, "register workshops")]
    public override async Task<RegisterWorkshopResponse> RegisterWorkshop(RegisterWorkshopRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var name = WelfareValidation.Text(request.Name, violations, "name");
        var village = WelfareValidation.Village(request.VillageCode, violations, "village_code");
        var operatorName = WelfareValidation.Text(request.OperatorName, violations, "operator_name");
        var registeredOn = WelfareValidation.Day(request.RegisteredOn, DateOnly.FromDateTime(now), violations, "registered_on");
        violations.ThrowIfAny();
        RequireVisible(caller, village);

        var workshop = new Workshop
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            VillageCode = village.Value,
            OperatorName = operatorName,
            RegisteredOn = registeredOn,
            RegisteredBy = caller.Subject,
            RegisteredAt = now,
        };
        db.Add(workshop);
        db.Audit(context, "welfare.workshop.register", nameof(Workshop), workshop.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RegisterWorkshopResponse { Workshop = workshop.ToMessage(0) };
    }

    [Allow(Roles.Recorders, "hire workshop employees")]
    public override async Task<HireWorkshopEmployeeResponse> HireWorkshopEmployee(HireWorkshopEmployeeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var workshopId = Ids.Require(request.WorkshopId, violations, "workshop_id");
        var labourerId = Ids.Require(request.LabourerId, violations, "labourer_id");
        var hiredOn = WelfareValidation.Day(request.HiredOn, DateOnly.FromDateTime(now), violations, "hired_on");
        violations.ThrowIfAny();

        var workshop = await VisibleWorkshopAsync(caller, workshopId, context.CancellationToken);
        var (labourer, _) = await WorkingLabourerAsync(caller, labourerId, context.CancellationToken);
        if (hiredOn < workshop.RegisteredOn)
        {
            throw RpcErrors.InvalidArgument("hired_on", "must not be before the workshop was registered");
        }

        var employees = db.Set<WorkshopEmployee>();
        if (await employees.AnyAsync(e => e.WorkshopId == workshopId && e.LabourerId == labourerId && e.LeftOn == null, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists($"Labourer {labourerId} is already employed in this workshop.");
        }

        var employee = new WorkshopEmployee
        {
            Id = Guid.CreateVersion7(), WorkshopId = workshopId, LabourerId = labourerId, HouseholdId = labourer.HouseholdId, HiredOn = hiredOn, RecordedAt = now,
        };
        employees.Add(employee);
        db.Audit(context, "welfare.workshop.hire", nameof(Labourer), labourerId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new HireWorkshopEmployeeResponse { Employee = employee.ToMessage() };
    }

    [Allow(Roles.Recorders, "release workshop employees")]
    public override async Task<ReleaseWorkshopEmployeeResponse> ReleaseWorkshopEmployee(ReleaseWorkshopEmployeeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var employmentId = Ids.Require(request.EmploymentId, violations, "employment_id");
        var leftOn = WelfareValidation.Day(request.LeftOn, DateOnly.FromDateTime(now), violations, "left_on");
        violations.ThrowIfAny();

        var employee = await db.Set<WorkshopEmployee>().FirstOrDefaultAsync(e => e.Id == employmentId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Employment {employmentId}");
        await VisibleWorkshopAsync(caller, employee.WorkshopId, context.CancellationToken);
        RpcErrors.ThrowIfRefused(WelfareWorkRules.ReleaseRefusal(employee));

        if (leftOn < employee.HiredOn)
        {
            throw RpcErrors.InvalidArgument("left_on", "must not be before the day of hiring");
        }

        employee.LeftOn = leftOn;
        db.Audit(context, "welfare.workshop.release", nameof(Labourer), employee.LabourerId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new ReleaseWorkshopEmployeeResponse { Employee = employee.ToMessage() };
    }

    [Allow(Roles.Readers, "list workshops")]
    public override async Task<ListWorkshopsResponse> ListWorkshops(ListWorkshopsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var query = db.Set<Workshop>().AsNoTracking().InRegion(w => w.VillageCode, region);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(w => after == null || w.Id.CompareTo(after.Value) > 0).OrderBy(w => w.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var shown = rows.Take(page.Size).Select(w => w.Id).ToList();
        var counts = await db.Set<WorkshopEmployee>().Where(e => shown.Contains(e.WorkshopId) && e.LeftOn == null).GroupBy(e => e.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);

        var response = new ListWorkshopsResponse { Page = Paging.Response(rows, page, total, w => w.Id.ToString()) };
        response.Workshops.AddRange(rows.Take(page.Size).Select(w => w.ToMessage(counts.GetValueOrDefault(w.Id))));
        return response;
    }

    [Allow(Roles.Readers, "compute workshop subsidies")]
    public override async Task<ComputeWorkshopSubsidyResponse> ComputeWorkshopSubsidy(ComputeWorkshopSubsidyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (workshopId, year) = ValidateSubsidyRequest(request.WorkshopId, request.Year);
        await VisibleWorkshopAsync(caller, workshopId, context.CancellationToken);

        var grant = await db.Set<WorkshopSubsidyGrant>().AsNoTracking().FirstOrDefaultAsync(g => g.WorkshopId == workshopId && g.Year == year, context.CancellationToken);
        var subsidy = grant is null
            ? (await ComputeSubsidyAsync(workshopId, year, context.CancellationToken)).ToMessage(workshopId, year, granted: false)
            : new WorkshopSubsidyResult(grant.PoorEmployees, policy.For(year).WorkshopMinimumPoorEmployees, grant.PerEmployeeFen, grant.AmountFen)
                .ToMessage(workshopId, year, granted: true);
        return new ComputeWorkshopSubsidyResponse { Subsidy = subsidy };
    }

    [Allow(Roles.Recorders, "grant workshop subsidies")]
    public override async Task<GrantWorkshopSubsidyResponse> GrantWorkshopSubsidy(GrantWorkshopSubsidyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (workshopId, year) = ValidateSubsidyRequest(request.WorkshopId, request.Year);
        await VisibleWorkshopAsync(caller, workshopId, context.CancellationToken);

        var grants = db.Set<WorkshopSubsidyGrant>();
        if (await grants.AnyAsync(g => g.WorkshopId == workshopId && g.Year == year, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists($"The {year} subsidy of workshop {workshopId} was already granted.");
        }

        var result = await ComputeSubsidyAsync(workshopId, year, context.CancellationToken);
        RpcErrors.ThrowIfRefused(WelfareWorkRules.GrantRefusal(result, year));

        var now = time.GetUtcNow().UtcDateTime;
        grants.Add(new WorkshopSubsidyGrant
        {
            WorkshopId = workshopId, Year = year, PoorEmployees = result.PoorEmployees, PerEmployeeFen = result.PerEmployeeFen,
            AmountFen = result.AmountFen, GrantedBy = caller.Subject, GrantedAt = now,
        });
        db.Audit(context, "welfare.workshop.subsidy-grant", nameof(Workshop), $"{workshopId}/{year}");
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another grant of the same workshop and year committed between the check and this save.
            throw RpcErrors.AlreadyExists($"The {year} subsidy of workshop {workshopId} was already granted.");
        }

        return new GrantWorkshopSubsidyResponse { Subsidy = result.ToMessage(workshopId, year, granted: true) };
    }

    private (Guid WorkshopId, int Year) ValidateSubsidyRequest(string workshopIdText, int yearValue)
    {
        var violations = new FieldViolations();
        var workshopId = Ids.Require(workshopIdText, violations, "workshop_id");
        var year = WelfareValidation.Year(yearValue, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations, "year");
        violations.ThrowIfAny();
        return (workshopId, year);
    }

    private async Task<WorkshopSubsidyResult> ComputeSubsidyAsync(Guid workshopId, int year, CancellationToken ct)
    {
        var periods = await db.Set<WorkshopEmployee>().AsNoTracking().Where(e => e.WorkshopId == workshopId)
            .Select(e => new EmploymentPeriod(e.LabourerId, e.HiredOn, e.LeftOn)).ToListAsync(ct);
        var rules = policy.For(year);
        return WorkshopSubsidyRule.For(periods, year, rules.WorkshopSubsidyPerPoorEmployeeFen, rules.WorkshopMinimumPoorEmployees);
    }

    private async Task<Workshop> VisibleWorkshopAsync(Caller caller, Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Set<Workshop>().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        return RegionAccess.Visible(caller, workshop, x => x.VillageCode, $"Workshop {workshopId}");
    }

    /// <summary>
    /// A labourer who may take work here: visible to the caller (else NotFound), still a member, with
    /// labour, of a household registered as poor (建档立卡) — the people workshops and posts are for.
    /// </summary>
    private async Task<(Labourer Labourer, LabourHousehold Household)> WorkingLabourerAsync(Caller caller, Guid labourerId, CancellationToken ct)
    {
        var labourer = await db.Labourers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == labourerId, ct) ?? throw RpcErrors.NotFound($"Labourer {labourerId}");
        LabourHousehold household;
        try
        {
            household = await EmploymentAccess.VisibleHouseholdAsync(db, caller, labourer.HouseholdId, ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound($"Labourer {labourerId}");
        }

        RpcErrors.ThrowIfRefused(WelfareWorkRules.TakeWorkRefusal(labourer, household));
        return (labourer, household);
    }

    private static void RequireVisible(Caller caller, RegionCode village)
    {
        if (!caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Village {village.Value}");
        }
    }
}
