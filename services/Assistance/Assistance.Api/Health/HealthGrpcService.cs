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
using Entity = Platform.Assistance.Health;

namespace Platform.Assistance.Health;

/// <summary>
/// 基本医疗保障: insurance enrolment, family-doctor contracts, illness records and hospitalisation
/// costs. Health facts are sensitive: every read of a household's records and every change is
/// audited with the caller's purpose.
/// </summary>
public sealed partial class HealthGrpcService(
    AssistanceDbContext db, GuaranteeAssessor assessor, DepartmentImporter importer, DepartmentMembers departmentMembers, AssistancePolicy policy, TimeProvider time)
    : HealthService.HealthServiceBase
{
    [Allow(Roles.Recorders, "record insurance enrolments")]
    public override async Task<RecordInsuranceEnrolmentResponse> RecordInsuranceEnrolment(RecordInsuranceEnrolmentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var year = request.Year;
        HealthValidation.Premium(request.Premium, request.Subsidised, violations);
        violations.ThrowIfAny();

        var household = await ChangeableMemberAsync(caller, id, memberId, context);
        var now = Now;
        var enrolment = await db.Set<InsuranceEnrolment>().FirstOrDefaultAsync(e => e.MemberId == memberId && e.Year == year, context.CancellationToken);
        if (enrolment is null)
        {
            enrolment = new InsuranceEnrolment { Id = Guid.CreateVersion7(), MemberId = memberId, Year = year, RegionCode = household.RegionCode, Source = "officer", RecordedBy = caller.Subject };
            db.Add(enrolment);
        }

        (enrolment.HouseholdId, enrolment.RegionCode, enrolment.PremiumFen, enrolment.SubsidisedFen) = (id, household.RegionCode, request.Premium.Fen, request.Subsidised.Fen);
        enrolment.Status = request.Status == Pa.Assistance.V1.EnrolmentStatus.Enrolled ? Entity.EnrolmentStatus.Enrolled : Entity.EnrolmentStatus.Lapsed;
        (enrolment.Source, enrolment.RecordedBy, enrolment.RecordedAt) = ("officer", caller.Subject, now);
        db.Audit(context, "health.enrolment.record", nameof(InsuranceEnrolment), enrolment.Id);
        try
        {
            await db.SaveAndReassessAsync(assessor, [id], context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two calls found no enrolment of the member and year and both added one; the unique index kept the first.
            // Called again, this one would update that enrolment, so the caller may read it and retry.
            throw RpcErrors.Aborted("The member's enrolment for the year was recorded by another call at the same time; read it and retry.");
        }

        return new RecordInsuranceEnrolmentResponse { Enrolment = enrolment.ToMessage(), Medical = await MedicalFindingAsync(id, context) };
    }

    [Allow(Roles.Readers, "read insurance enrolments")]
    public override async Task<ListInsuranceEnrolmentsResponse> ListInsuranceEnrolments(ListInsuranceEnrolmentsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var year = request.Year == 0 ? Now.Year : request.Year;
        violations.ThrowIfAny();

        await ReadableAsync(caller, id, "health.enrolments.read", context);
        var enrolments = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => e.HouseholdId == id && e.Year == year)
            .OrderBy(e => e.MemberId).ToListAsync(context.CancellationToken);
        var response = new ListInsuranceEnrolmentsResponse();
        response.Enrolments.AddRange(enrolments.Select(e => e.ToMessage()));
        return response;
    }

    [Allow(Roles.DepartmentClient, "push insurance enrolments")]
    public override async Task<ImportInsuranceEnrolmentsResponse> ImportInsuranceEnrolments(IAsyncStreamReader<ImportInsuranceEnrolmentsRequest> requestStream, ServerCallContext context)
    {
        var report = await importer.ImportAsync(
            requestStream, context, new InsuranceEnrolmentRows(departmentMembers, time),
            r => r.ItemCase == ImportInsuranceEnrolmentsRequest.ItemOneofCase.Header ? r.Header : null,
            r => r.ItemCase == ImportInsuranceEnrolmentsRequest.ItemOneofCase.Row ? r.Row : null);
        return new ImportInsuranceEnrolmentsResponse { Report = report };
    }

    [Allow(Roles.DepartmentClient, "push insurance enrolments")]
    public override async Task<PushInsuranceEnrolmentsResponse> PushInsuranceEnrolments(PushInsuranceEnrolmentsRequest request, ServerCallContext context) =>
        new() { Report = await importer.ImportAsync(request.Header, request.Rows, context, new InsuranceEnrolmentRows(departmentMembers, time)) };

    [Allow(Roles.Recorders, "record family-doctor contracts")]
    public override async Task<SignFamilyDoctorResponse> SignFamilyDoctor(SignFamilyDoctorRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var doctor = HealthValidation.Required(request.Doctor, violations, "doctor");
        var clinic = HealthValidation.Required(request.Clinic, violations, "clinic");
        var signedOn = HealthValidation.Date(request.SignedOn, Today, violations, "signed_on");
        var validUntil = request.ValidUntil.ToDateOnly();
        violations.Check(validUntil is not null && validUntil > signedOn, "valid_until", "is required and must be after signed_on");
        violations.ThrowIfAny();

        await ChangeableMemberAsync(caller, id, memberId, context);
        var now = Now;
        var contract = new FamilyDoctorContract
        {
            Id = Guid.CreateVersion7(), HouseholdId = id, MemberId = memberId, Doctor = doctor, Clinic = clinic,
            SignedOn = signedOn, ValidUntil = validUntil!.Value, RecordedBy = caller.Subject, RecordedAt = now,
        };
        db.Add(contract);
        db.Audit(context, "health.family-doctor.sign", nameof(FamilyDoctorContract), contract.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new SignFamilyDoctorResponse { Contract = contract.ToMessage() };
    }

    [Allow(Roles.Recorders, "record doctor visits")]
    public override async Task<RecordDoctorVisitResponse> RecordDoctorVisit(RecordDoctorVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var contractId = Ids.Require(request.ContractId, violations, "contract_id");
        var visitedOn = HealthValidation.Date(request.VisitedOn, Today, violations, "visited_on");
        var doctor = HealthValidation.Required(request.Doctor, violations, "doctor");
        var notes = request.Notes.Trim();
        violations.ThrowIfAny();

        var contract = await db.Set<FamilyDoctorContract>().FirstOrDefaultAsync(c => c.Id == contractId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Family-doctor contract {contractId}");
        await AssistanceAccess.VisibleHouseholdAsync(db, caller, contract.HouseholdId, context.CancellationToken);
        violations.Check(visitedOn >= contract.SignedOn && visitedOn <= contract.ValidUntil, "visited_on", "must fall within the contract, from signed_on to valid_until");
        violations.ThrowIfAny();

        var now = Now;
        var visit = new DoctorVisit { Id = Guid.CreateVersion7(), ContractId = contractId, VisitedOn = visitedOn, Doctor = doctor, Notes = notes, RecordedBy = caller.Subject, RecordedAt = now };
        db.Add(visit);
        db.Audit(context, "health.doctor-visit.record", nameof(DoctorVisit), visit.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordDoctorVisitResponse { Visit = visit.ToMessage() };
    }

    [Allow(Roles.Readers, "read family-doctor contracts")]
    public override async Task<ListFamilyDoctorContractsResponse> ListFamilyDoctorContracts(ListFamilyDoctorContractsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        await ReadableAsync(caller, id, "health.family-doctors.read", context);
        var contracts = await db.Set<FamilyDoctorContract>().AsNoTracking().Include(c => c.Visits).Where(c => c.HouseholdId == id)
            .OrderBy(c => c.SignedOn).ThenBy(c => c.Id).ToListAsync(context.CancellationToken);
        var response = new ListFamilyDoctorContractsResponse();
        response.Contracts.AddRange(contracts.Select(c => c.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "record illnesses")]
    public override async Task<RecordIllnessResponse> RecordIllness(RecordIllnessRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var category = HealthValidation.Required(request.Category, violations, "category");
        var diagnosedOn = HealthValidation.Date(request.DiagnosedOn, Today, violations, "diagnosed_on");
        var source = HealthValidation.Required(request.Source, violations, "source");
        violations.ThrowIfAny();

        await ChangeableMemberAsync(caller, id, memberId, context);
        var now = Now;
        var illness = new IllnessRecord
        {
            Id = Guid.CreateVersion7(), HouseholdId = id, MemberId = memberId, Category = category, DiagnosedOn = diagnosedOn, Source = source,
            Kind = request.Kind == Pa.Assistance.V1.IllnessKind.Chronic ? Entity.IllnessKind.Chronic : Entity.IllnessKind.Serious,
            RecordedBy = caller.Subject, RecordedAt = now,
        };
        db.Add(illness);
        db.Audit(context, "health.illness.record", nameof(IllnessRecord), illness.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordIllnessResponse { Illness = illness.ToMessage() };
    }

    [Allow(Roles.Readers, "read illness records")]
    public override async Task<ListIllnessesResponse> ListIllnesses(ListIllnessesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        await ReadableAsync(caller, id, "health.illnesses.read", context);
        var illnesses = await db.Set<IllnessRecord>().AsNoTracking().Where(i => i.HouseholdId == id)
            .OrderBy(i => i.DiagnosedOn).ThenBy(i => i.Id).ToListAsync(context.CancellationToken);
        var response = new ListIllnessesResponse();
        response.Illnesses.AddRange(illnesses.Select(i => i.ToMessage()));
        return response;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The household, when the caller's region covers it (else NotFound) and the member is one of its current members.</summary>
    private async Task<AssistedHousehold> ChangeableMemberAsync(Caller caller, Guid householdId, Guid memberId, ServerCallContext context)
    {
        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, context.CancellationToken);
        if (!household.CurrentMembers.Any(m => m.Id == memberId))
        {
            new FieldViolations().Add("member_id", "is not a current member of the household").ThrowIfAny();
        }

        return household;
    }

    /// <summary>Checks the caller may see the household and audits the read before anything is returned.</summary>
    private async Task ReadableAsync(Caller caller, Guid householdId, string action, ServerCallContext context)
    {
        await AssistanceAccess.VisibleHouseholdAsync(db, caller, householdId, context.CancellationToken);
        db.Audit(context, action, "Household", householdId);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task<Pa.Assistance.V1.GuaranteeFinding> MedicalFindingAsync(Guid householdId, ServerCallContext context) =>
        (await db.Guarantees.SingleAsync(g => g.HouseholdId == householdId, context.CancellationToken)).Medical.ToMessage();
}
