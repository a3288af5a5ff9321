using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Access;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Education;

/// <summary>教育保障: enrolments, subsidies, exemptions, dropout-risk cases and the education department's push.</summary>
public sealed class EducationGrpcService(
    AssistanceDbContext db, GuaranteeAssessor assessor, DepartmentImporter importer, EnrolmentRows enrolmentRows, AssistancePolicy policy, TimeProvider time)
    : EducationService.EducationServiceBase
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Allow(Roles.Recorders, "record enrolments")]
    public override async Task<RecordEnrolmentResponse> RecordEnrolment(RecordEnrolmentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        violations.NotBlank(request.SchoolName, "school_name");
        EducationValidation.SchoolYear(request.SchoolYear, Today, violations, "school_year");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        RequireCurrentMember(household, memberId);
        var sameYear = await db.Set<Enrolment>().Where(e => e.MemberId == memberId && e.SchoolYear == request.SchoolYear).ToListAsync(ct);
        if (EnrolmentRule.WhyNotEnrol(sameYear, request.SchoolYear) is { } enrolled)
        {
            throw RpcErrors.AlreadyExists(enrolled);
        }

        var enrolment = new Enrolment
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            MemberId = memberId,
            RegionCode = household.RegionCode,
            Stage = (SchoolStage)request.Stage,
            SchoolName = request.SchoolName.Trim(),
            Grade = request.Grade,
            SchoolYear = request.SchoolYear,
            Source = EnrolmentSource.Officer,
            RecordedBy = caller.Subject,
            RecordedAt = Now,
        };
        db.Add(enrolment);
        db.Audit(context, "education.enrolment.record", nameof(Enrolment), enrolment.Id);
        await db.SaveAndReassessAsync(assessor, [householdId], ct);
        return new RecordEnrolmentResponse { Enrolment = enrolment.ToMessage(), Education = await EducationFindingAsync(householdId, ct) };
    }

    [Allow(Roles.Recorders, "end enrolments")]
    public override async Task<EndEnrolmentResponse> EndEnrolment(EndEnrolmentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.EnrolmentId, violations, "enrolment_id");
        var withdrawnOn = EducationValidation.PastDate(request.WithdrawnOn, Today, violations, "withdrawn_on");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var (enrolment, _) = await VisibleEnrolmentAsync(caller, id, ct);
        RpcErrors.ThrowIfRefused(EnrolmentRule.WhyNotEnd(enrolment));
        enrolment.WithdrawnOn = withdrawnOn;
        enrolment.RecordedAt = Now;
        db.Audit(context, "education.enrolment.end", nameof(Enrolment), enrolment.Id);
        await db.SaveAndReassessAsync(assessor, [enrolment.HouseholdId], ct);
        return new EndEnrolmentResponse { Enrolment = enrolment.ToMessage(), Education = await EducationFindingAsync(enrolment.HouseholdId, ct) };
    }

    [Allow(Roles.Readers, "read enrolments")]
    public override async Task<ListEnrolmentsResponse> ListEnrolments(ListEnrolmentsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var ct = context.CancellationToken;
        await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        var enrolments = await db.Set<Enrolment>().AsNoTracking().Where(e => e.HouseholdId == householdId).ToListAsync(ct);
        db.Audit(context, "education.enrolments.read", "Household", householdId);
        await db.SaveChangesAsync(ct);
        var response = new ListEnrolmentsResponse();
        response.Enrolments.AddRange(enrolments.OrderByDescending(e => e.SchoolYear).ThenByDescending(e => e.RecordedAt).Select(e => e.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "grant education subsidies")]
    public override async Task<GrantSubsidyResponse> GrantSubsidy(GrantSubsidyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.EnrolmentId, "enrolment_id");

        var ct = context.CancellationToken;
        var (enrolment, household) = await VisibleEnrolmentAsync(caller, id, ct);
        var kind = (SubsidyKind)request.Kind;
        RpcErrors.ThrowIfRefused(EducationSubsidyRule.WhyNot(enrolment, household, kind, Today, policy.For(Today.Year)));

        var subsidy = new EducationSubsidy
        {
            Id = Guid.CreateVersion7(),
            EnrolmentId = enrolment.Id,
            HouseholdId = enrolment.HouseholdId,
            MemberId = enrolment.MemberId,
            RegionCode = household.RegionCode,
            Kind = kind,
            AmountFen = request.Amount.Fen,
            Year = request.Year,
            GrantedBy = caller.Subject,
            GrantedAt = Now,
        };
        db.Add(subsidy);
        db.Audit(context, "education.subsidy.grant", nameof(EducationSubsidy), subsidy.Id);
        await db.SaveAndReassessAsync(assessor, [household.Id], ct);
        return new GrantSubsidyResponse { Subsidy = subsidy.ToMessage() };
    }

    [Allow(Roles.Readers, "read education subsidies")]
    public override async Task<ListSubsidiesResponse> ListSubsidies(ListSubsidiesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var ct = context.CancellationToken;
        await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        var subsidies = await db.Set<EducationSubsidy>().AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(ct);
        db.Audit(context, "education.subsidies.read", "Household", householdId);
        await db.SaveChangesAsync(ct);
        var response = new ListSubsidiesResponse();
        response.Subsidies.AddRange(subsidies.OrderByDescending(s => s.GrantedAt).Select(s => s.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "record exemptions")]
    public override async Task<RecordExemptionResponse> RecordExemption(RecordExemptionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        violations.NotBlank(request.Reason, "reason");
        violations.NotBlank(request.ApprovedBy, "approved_by");
        var from = request.From.ToDateOnly();
        violations.Check(from is not null, "from", "must be a valid date");
        var until = request.Until.ToDateOnly();
        violations.Check(request.Until is null || until is not null, "until", "must be a valid date when given");
        violations.Check(from is null || until is null || until >= from, "until", "must not be before from");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        RequireCurrentMember(household, memberId);
        var exemption = new EducationExemption
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            MemberId = memberId,
            RegionCode = household.RegionCode,
            Kind = (ExemptionKind)request.Kind,
            Reason = request.Reason.Trim(),
            ApprovedBy = request.ApprovedBy.Trim(),
            From = from!.Value,
            Until = until,
            RecordedBy = caller.Subject,
            RecordedAt = Now,
        };
        db.Add(exemption);
        db.Audit(context, "education.exemption.record", nameof(EducationExemption), exemption.Id);
        await db.SaveAndReassessAsync(assessor, [householdId], ct);
        return new RecordExemptionResponse { Exemption = exemption.ToMessage(), Education = await EducationFindingAsync(householdId, ct) };
    }

    [Allow(Roles.Readers, "list dropout-risk cases")]
    public override async Task<ListDropoutCasesResponse> ListDropoutCases(ListDropoutCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var query = db.Set<DropoutCase>().AsNoTracking().InRegion(c => c.RegionCode, region);
        if (!request.IncludeClosed)
        {
            query = query.Where(c => c.ClosedAt == null);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.Where(c => after == null || c.Id.CompareTo(after.Value) > 0).OrderBy(c => c.Id).Take(page.Size + 1).ToListAsync(ct);
        db.Audit(context, "education.dropout-cases.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);
        var response = new ListDropoutCasesResponse { Page = Paging.Response(rows, page, total, c => c.Id.ToString()) };
        response.Cases.AddRange(rows.Take(page.Size).Select(c => c.ToMessage(withVisits: false)));
        return response;
    }

    [Allow(Roles.Readers, "read dropout-risk cases")]
    public override async Task<GetDropoutCaseResponse> GetDropoutCase(GetDropoutCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var ct = context.CancellationToken;
        var @case = await VisibleCaseAsync(caller, id, ct);
        db.Audit(context, "education.dropout-case.read", nameof(DropoutCase), id);
        await db.SaveChangesAsync(ct);
        return new GetDropoutCaseResponse { DropoutCase = @case.ToMessage(withVisits: true) };
    }

    [Allow(Roles.Recorders, "record dropout follow-up visits")]
    public override async Task<RecordDropoutVisitResponse> RecordDropoutVisit(RecordDropoutVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        var visitedOn = EducationValidation.PastDate(request.VisitedOn, Today, violations, "visited_on");
        violations.NotBlank(request.Outcome, "outcome");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var @case = await VisibleCaseAsync(caller, id, ct);
        RpcErrors.ThrowIfRefused(DropoutVisitRule.WhyNoVisit(@case));
        var visit = new DropoutVisit
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            VisitedBy = caller.Subject,
            VisitedOn = visitedOn!.Value,
            Outcome = request.Outcome.Trim(),
            NextStep = request.NextStep.Trim(),
            RecordedAt = Now,
        };
        db.Add(visit);
        db.Audit(context, "education.dropout-visit.record", nameof(DropoutCase), @case.Id);
        await db.SaveAndReassessAsync(assessor, [@case.HouseholdId], ct);
        var saved = await db.Set<DropoutCase>().AsNoTracking().Include(c => c.Visits).SingleAsync(c => c.Id == id, ct);
        return new RecordDropoutVisitResponse { DropoutCase = saved.ToMessage(withVisits: true) };
    }

    [Allow(Roles.DepartmentClient, "push enrolments")]
    public override async Task<ImportEnrolmentsResponse> ImportEnrolments(IAsyncStreamReader<ImportEnrolmentsRequest> requestStream, ServerCallContext context)
    {
        var report = await importer.ImportAsync(
            requestStream,
            context,
            enrolmentRows,
            r => r.ContentCase == ImportEnrolmentsRequest.ContentOneofCase.Header ? r.Header : null,
            r => r.ContentCase == ImportEnrolmentsRequest.ContentOneofCase.Row ? r.Row : null);
        return new ImportEnrolmentsResponse { Report = report };
    }

    [Allow(Roles.DepartmentClient, "push enrolments")]
    public override async Task<PushEnrolmentsResponse> PushEnrolments(PushEnrolmentsRequest request, ServerCallContext context) =>
        new() { Report = await importer.ImportAsync(request.Header, request.Rows, context, enrolmentRows) };

    private static void RequireCurrentMember(AssistedHousehold household, Guid memberId)
    {
        if (!household.CurrentMembers.Any(m => m.Id == memberId))
        {
            throw RpcErrors.InvalidArgument("member_id", "must be a current member of the household");
        }
    }

    /// <summary>The enrolment and its household, or NotFound when either is missing or outside the caller's region.</summary>
    private async Task<(Enrolment, AssistedHousehold)> VisibleEnrolmentAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var enrolment = await db.Set<Enrolment>().FirstOrDefaultAsync(e => e.Id == id, ct);
        var household = enrolment is null ? null : await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == enrolment.HouseholdId, ct);
        if (enrolment is null || household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Enrolment {id}");
        }

        return (enrolment, household);
    }

    private async Task<DropoutCase> VisibleCaseAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var @case = await db.Set<DropoutCase>().Include(c => c.Visits).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !caller.CanSee(RegionCode.Parse(@case.RegionCode)))
        {
            throw RpcErrors.NotFound($"Dropout-risk case {id}");
        }

        return @case;
    }

    private async Task<Pa.Assistance.V1.GuaranteeFinding> EducationFindingAsync(Guid householdId, CancellationToken ct)
    {
        var row = await db.Guarantees.AsNoTracking().SingleAsync(g => g.HouseholdId == householdId, ct);
        return row.Education.ToMessage();
    }
}
