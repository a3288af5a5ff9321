using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Access;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Housing;

/// <summary>House safety appraisals and renovation of dangerous houses (住房安全保障), per household and per region.</summary>
public sealed class HousingGrpcService(AssistanceDbContext db, GuaranteeAssessor assessor, DepartmentImporter importer, HouseAppraisalRows departmentRows, TimeProvider time)
    : Proto.HousingService.HousingServiceBase
{
    [Allow(Roles.Recorders, "record house appraisals")]
    public override async Task<Proto.RecordAppraisalResponse> RecordAppraisal(Proto.RecordAppraisalRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var appraisedOn = HousingValidation.PastDate(request.AppraisedOn, Today, violations, "appraised_on");
        HousingValidation.Appraiser(request.Appraiser, violations, "appraiser");
        violations.ThrowIfAny();

        await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var now = Now;
        var appraisal = db.Set<HouseAppraisal>().Add(new HouseAppraisal
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = id,
            Grade = request.Grade.ToGrade()!.Value,
            AppraisedOn = appraisedOn,
            AppraiserName = request.Appraiser.Name.Trim(),
            AppraiserOrganisation = request.Appraiser.Organisation.Trim(),
            Notes = request.Notes.Trim(),
            Source = AppraisalSource.Officer,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        }).Entity;
        db.Audit(context, "housing.appraisal.record", nameof(HouseAppraisal), appraisal.Id);
        await db.SaveAndReassessAsync(assessor, [id], context.CancellationToken);
        return new Proto.RecordAppraisalResponse { Appraisal = appraisal.ToMessage(), Housing = await HousingFindingAsync(id, context) };
    }

    [Allow(Roles.Readers, "read house appraisals")]
    public override async Task<Proto.ListAppraisalsResponse> ListAppraisals(Proto.ListAppraisalsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var appraisals = await db.Set<HouseAppraisal>().AsNoTracking().Where(a => a.HouseholdId == id).ToListAsync(context.CancellationToken);
        db.Audit(context, "housing.appraisals.read", "Household", id);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new Proto.ListAppraisalsResponse { Housing = await HousingFindingAsync(id, context) };
        response.Appraisals.AddRange(appraisals.OrderByDescending(a => a.AppraisedOn).ThenByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id).Select(a => a.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "start renovation projects")]
    public override async Task<Proto.StartRenovationResponse> StartRenovation(Proto.StartRenovationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var startedOn = HousingValidation.PastDate(request.StartedOn, Today, violations, "started_on");
        violations.ThrowIfAny();

        await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var ct = context.CancellationToken;
        var latest = HouseAppraisal.Latest(await db.Set<HouseAppraisal>().Where(a => a.HouseholdId == id).ToListAsync(ct));
        var projects = await db.Set<RenovationProject>().Where(p => p.HouseholdId == id).ToListAsync(ct);
        RpcErrors.ThrowIfRefused(RenovationStartRule.WhyNot(latest, projects));
        if (startedOn < latest!.AppraisedOn)
        {
            throw RpcErrors.InvalidArgument("started_on", $"must not be before the appraisal it answers ({latest.AppraisedOn:yyyy-MM-dd})");
        }

        var now = Now;
        var project = db.Set<RenovationProject>().Add(new RenovationProject
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = id,
            AppraisalId = latest.Id,
            Kind = request.Kind.ToKind()!.Value,
            SubsidyFen = request.Subsidy.Fen,
            Status = RenovationStatus.Planned,
            StartedOn = startedOn,
            StatusChangedAt = now,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        }).Entity;
        db.Audit(context, "housing.renovation.start", nameof(RenovationProject), project.Id);
        try
        {
            await db.SaveAndReassessAsync(assessor, [id], ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another start for the household passed the check above at the same moment; the one-open-project index let one in.
            throw RpcErrors.FailedPrecondition("The household already has an open renovation project, started at the same time by another call.");
        }

        return new Proto.StartRenovationResponse { Project = project.ToMessage(), Housing = await HousingFindingAsync(id, context) };
    }

    [Allow(Roles.Recorders, "advance renovation projects")]
    public override async Task<Proto.AdvanceRenovationResponse> AdvanceRenovation(Proto.AdvanceRenovationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var projectId = Ids.Require(request.ProjectId, "project_id");
        var to = request.Status.ToStatus()!.Value;

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);
        RpcErrors.ThrowIfRefused(RenovationLifecycle.WhyNotAdvance(project.Status, to));
        project.Status = to;
        project.StatusChangedAt = Now;
        db.Audit(context, $"housing.renovation.{to.ToString().ToLowerInvariant()}", nameof(RenovationProject), project.Id);
        await db.SaveAndReassessAsync(assessor, [project.HouseholdId], context.CancellationToken);
        return new Proto.AdvanceRenovationResponse { Project = project.ToMessage(), Housing = await HousingFindingAsync(project.HouseholdId, context) };
    }

    [Allow(Roles.Recorders, "record acceptance inspections")]
    public override async Task<Proto.RecordAcceptanceResponse> RecordAcceptance(Proto.RecordAcceptanceRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var inspectedOn = HousingValidation.PastDate(request.InspectedOn, Today, violations, "inspected_on");
        violations.NotBlank(request.Inspector, "inspector");
        violations.Check(request.Passed || !string.IsNullOrWhiteSpace(request.Findings), "findings", "must say what failed when the inspection is not passed");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);
        violations.Check(inspectedOn >= project.StartedOn, "inspected_on", $"must not be before the project started ({project.StartedOn:yyyy-MM-dd})");
        violations.Check(!request.Passed || request.FamilyMovedIn || project.Kind != RenovationKind.RelocationInstead,
            "family_moved_in", "a relocation instead is accepted only once the family has moved to the new home");
        violations.ThrowIfAny();
        RpcErrors.ThrowIfRefused(RenovationLifecycle.WhyNotInspect(project.Status));
        var after = RenovationLifecycle.AfterInspection(project.Status, request.Passed)!.Value;

        var now = Now;
        // Added through its set, not the collection: a new row with its id already set would be taken for an existing one.
        db.Set<AcceptanceInspection>().Add(new AcceptanceInspection
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            InspectedOn = inspectedOn,
            Inspector = request.Inspector.Trim(),
            Passed = request.Passed,
            Findings = request.Findings.Trim(),
            FamilyMovedIn = request.FamilyMovedIn,
            RecordedAt = now,
        });
        project.Status = after;
        project.StatusChangedAt = now;
        db.Audit(context, request.Passed ? "housing.renovation.accept" : "housing.renovation.reject", nameof(RenovationProject), project.Id);
        await db.SaveAndReassessAsync(assessor, [project.HouseholdId], context.CancellationToken);
        return new Proto.RecordAcceptanceResponse { Project = project.ToMessage(), Housing = await HousingFindingAsync(project.HouseholdId, context) };
    }

    [Allow(Roles.Readers, "read renovation projects")]
    public override async Task<Proto.ListRenovationsResponse> ListRenovations(Proto.ListRenovationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var projects = await db.Set<RenovationProject>().AsNoTracking().Include(p => p.Inspections).Where(p => p.HouseholdId == id).ToListAsync(context.CancellationToken);
        db.Audit(context, "housing.renovations.read", "Household", id);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new Proto.ListRenovationsResponse();
        response.Projects.AddRange(projects.OrderByDescending(p => p.StartedOn).ThenByDescending(p => p.RecordedAt).Select(p => p.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "list dangerous houses")]
    public override async Task<Proto.ListDangerousHousesResponse> ListDangerousHouses(Proto.ListDangerousHousesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var (houses, total) = await DangerousHouses.PageAsync(db, region, after, page.Size + 1, context.CancellationToken);
        db.Audit(context, "housing.dangerous.list", "Region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new Proto.ListDangerousHousesResponse { Page = Paging.Response(houses, page, total, h => h.HouseholdId) };
        response.Houses.AddRange(houses.Take(page.Size));
        return response;
    }

    [Allow(Roles.DepartmentClient, "push house appraisals")]
    public override async Task<Proto.ImportHouseAppraisalsResponse> ImportHouseAppraisals(IAsyncStreamReader<Proto.ImportHouseAppraisalsRequest> requestStream, ServerCallContext context) =>
        new()
        {
            Report = await importer.ImportAsync(requestStream, context, departmentRows,
                r => r.ItemCase == Proto.ImportHouseAppraisalsRequest.ItemOneofCase.Header ? r.Header : null,
                r => r.ItemCase == Proto.ImportHouseAppraisalsRequest.ItemOneofCase.Row ? r.Row : null),
        };

    [Allow(Roles.DepartmentClient, "push house appraisals")]
    public override async Task<Proto.PushHouseAppraisalsResponse> PushHouseAppraisals(Proto.PushHouseAppraisalsRequest request, ServerCallContext context) =>
        new() { Report = await importer.ImportAsync(request.Header, request.Rows, context, departmentRows) };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    private async Task<RenovationProject> VisibleProjectAsync(Caller caller, Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<RenovationProject>().Include(p => p.Inspections).FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw RpcErrors.NotFound($"Renovation project {projectId}");
        try
        {
            await AssistanceAccess.VisibleHouseholdAsync(db, caller, project.HouseholdId, ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // The project's household is outside the caller's region: the project must look just as absent.
            throw RpcErrors.NotFound($"Renovation project {projectId}");
        }

        return project;
    }

    private async Task<Proto.GuaranteeFinding> HousingFindingAsync(Guid householdId, ServerCallContext context)
    {
        var row = await db.Guarantees.AsNoTracking().FirstOrDefaultAsync(g => g.HouseholdId == householdId, context.CancellationToken);
        return (row?.Housing ?? StoredFinding.From(GuaranteeFinding.Unknown(HousingRule.NotAppraisedReason))).ToMessage();
    }
}
