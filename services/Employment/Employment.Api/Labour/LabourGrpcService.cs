using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Access;
using Platform.Employment.Contracts;
using Platform.Employment.Data;
using Platform.Employment.Labourers;
using Platform.Employment.Policy;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Employment.Labour;

/// <summary>
/// 就业扶贫: the personal employment archive of each poor labourer (贫困劳动力个人就业档案) — skills,
/// trainings and job-seeking wish here; jobs, earnings, subsidies and the return-to-work rate in the partial files.
/// </summary>
public sealed partial class LabourGrpcService(EmploymentDbContext db, EmploymentPolicy policy, EmploymentMetrics metrics, TimeProvider time)
    : LabourService.LabourServiceBase
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Allow(Roles.Readers, "read labour archives")]
    public override async Task<GetLabourArchiveResponse> GetLabourArchive(GetLabourArchiveRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var (household, labourer) = await LabourerAsync(caller, householdId, memberId, forRecording: false, ct);
        var skills = await db.Set<LabourSkill>().AsNoTracking().Where(s => s.MemberId == memberId).Select(s => s.Name).ToListAsync(ct);
        var trainings = await db.Set<LabourTraining>().AsNoTracking().Where(t => t.MemberId == memberId).ToListAsync(ct);
        var wish = await db.Set<JobWish>().AsNoTracking().FirstOrDefaultAsync(w => w.MemberId == memberId, ct);
        var jobs = await db.Set<EmploymentRecord>().AsNoTracking().Where(j => j.MemberId == memberId).ToListAsync(ct);
        var jobIds = jobs.Select(j => j.Id).ToList();
        var earnings = await db.Set<MonthlyEarning>().AsNoTracking().Where(m => jobIds.Contains(m.EmploymentId)).ToListAsync(ct);
        var subsidies = await db.Set<TransportSubsidy>().AsNoTracking().Where(s => jobIds.Contains(s.EmploymentId)).ToListAsync(ct);
        db.Audit(context, "labour.archive.read", nameof(Labourer), memberId);
        await db.SaveChangesAsync(ct);

        var archive = new LabourArchive
        {
            HouseholdId = householdId.ToString(),
            MemberId = memberId.ToString(),
            RegionCode = household.RegionCode,
            LabourCapacity = labourer.LabourCapacity.ToString(),
            JobWish = wish?.ToMessage(),
            Employed = jobs.Any(j => j.IsRunning),
        };
        archive.Skills.AddRange(skills.Order(StringComparer.Ordinal));
        archive.Trainings.AddRange(trainings.OrderBy(t => t.StartedOn).ThenBy(t => t.RecordedAt).Select(t => t.ToMessage()));
        archive.Employments.AddRange(jobs.OrderByDescending(j => j.StartedOn).ThenByDescending(j => j.RecordedAt)
            .Select(j => j.ToMessage(earnings.Where(m => m.EmploymentId == j.Id), subsidies.Where(s => s.EmploymentId == j.Id))));
        return new GetLabourArchiveResponse { Archive = archive };
    }

    [Allow(Roles.Readers, "list labourers")]
    public override async Task<ListLabourersResponse> ListLabourers(ListLabourersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        // Driven from the region's households (a range of the RegionCode index), then their labourers.
        var households = db.Households.AsNoTracking().InRegion(h => h.RegionCode, region);
        var query =
            from l in db.Labourers.AsNoTracking()
            join h in households on l.HouseholdId equals h.Id
            where l.IsCurrent
                && (l.LabourCapacity == LabourCapacity.Normal || l.LabourCapacity == LabourCapacity.Weak)
            select new
            {
                l.Id,
                l.HouseholdId,
                h.RegionCode,
                l.LabourCapacity,
                Employed = db.Set<EmploymentRecord>().Any(j => j.MemberId == l.Id && j.EndedOn == null),
                ZeroEmploymentFamily = h.ZeroEmploymentCaseId != null,
            };
        query = request.Filter switch
        {
            LabourerFilter.Employed => query.Where(l => l.Employed),
            LabourerFilter.Unemployed => query.Where(l => !l.Employed),
            LabourerFilter.ZeroEmploymentFamilies => query.Where(l => l.ZeroEmploymentFamily),
            _ => query,
        };

        var total = await query.CountAsync(ct);
        var rows = await query.Where(l => after == null || l.Id.CompareTo(after.Value) > 0).OrderBy(l => l.Id).Take(page.Size + 1).ToListAsync(ct);
        db.Audit(context, "labour.labourers.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);
        var response = new ListLabourersResponse { Page = Paging.Response(rows, page, total, l => l.Id.ToString()) };
        response.Labourers.AddRange(rows.Take(page.Size).Select(l => new LabourerSummary
        {
            HouseholdId = l.HouseholdId.ToString(),
            MemberId = l.Id.ToString(),
            RegionCode = l.RegionCode,
            LabourCapacity = l.LabourCapacity.ToString(),
            Employed = l.Employed,
            ZeroEmploymentFamily = l.ZeroEmploymentFamily,
        }));
        return response;
    }

    [Allow(Roles.Recorders, "record skills")]
    public override async Task<RecordSkillsResponse> RecordSkills(RecordSkillsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var names = request.Skills.Select((s, i) => LabourValidation.Text(s, violations, $"skills[{i}]")).Distinct(StringComparer.Ordinal).ToList();
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        await LabourerAsync(caller, householdId, memberId, forRecording: true, ct);
        var known = await db.Set<LabourSkill>().Where(s => s.MemberId == memberId).Select(s => s.Name).ToListAsync(ct);
        foreach (var name in names.Except(known, StringComparer.Ordinal))
        {
            var skill = new LabourSkill { Id = Guid.CreateVersion7(), HouseholdId = householdId, MemberId = memberId, Name = name, RecordedBy = caller.Subject, RecordedAt = Now };
            db.Add(skill);
            db.Audit(context, "labour.skill.record", nameof(LabourSkill), skill.Id);
        }

        await db.SaveChangesAsync(ct);
        var response = new RecordSkillsResponse();
        response.Skills.AddRange(known.Union(names, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return response;
    }

    [Allow(Roles.Recorders, "record trainings")]
    public override async Task<RecordTrainingResponse> RecordTraining(RecordTrainingRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var course = LabourValidation.Text(request.Course, violations, "course");
        var provider = LabourValidation.Text(request.Provider, violations, "provider");
        var certificate = LabourValidation.Text(request.Certificate, violations, "certificate", required: false);
        var startedOn = LabourValidation.PastDate(request.StartedOn, Today, violations, "started_on");
        var endedOn = LabourValidation.PastDate(request.EndedOn, Today, violations, "ended_on");
        violations.Check(endedOn >= startedOn, "ended_on", "must not be before started_on");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        await LabourerAsync(caller, householdId, memberId, forRecording: true, ct);
        var training = new LabourTraining
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            MemberId = memberId,
            Course = course,
            Provider = provider,
            StartedOn = startedOn,
            EndedOn = endedOn,
            Certificate = certificate.Length == 0 ? null : certificate,
            RecordedBy = caller.Subject,
            RecordedAt = Now,
        };
        db.Add(training);
        db.Audit(context, "labour.training.record", nameof(LabourTraining), training.Id);
        await db.SaveChangesAsync(ct);
        return new RecordTrainingResponse { Training = training.ToMessage() };
    }

    [Allow(Roles.Recorders, "record job wishes")]
    public override async Task<RecordJobWishResponse> RecordJobWish(RecordJobWishRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var work = LabourValidation.Text(request.PreferredWork, violations, "preferred_work");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var (household, _) = await LabourerAsync(caller, householdId, memberId, forRecording: true, ct);
        var wish = await db.Set<JobWish>().FirstOrDefaultAsync(w => w.MemberId == memberId, ct);
        if (wish is null)
        {
            wish = new JobWish { MemberId = memberId, HouseholdId = householdId, PreferredWork = work, RecordedBy = caller.Subject };
            db.Add(wish);
        }

        wish.PreferredWork = work;
        wish.Place = (WorkPlace)request.Place;
        wish.ExpectedMonthlyIncomeFen = request.ExpectedMonthlyIncome.Fen;
        wish.RecordedBy = caller.Subject;
        wish.RecordedAt = Now;
        db.Audit(context, "labour.job-wish.record", nameof(JobWish), memberId);
        db.AddEvent(new JobWishRecorded(householdId, memberId, household.RegionCode, work, Now), householdId.ToString(), Now);
        await db.SaveChangesAsync(ct);
        return new RecordJobWishResponse { JobWish = wish.ToMessage() };
    }

    /// <summary>
    /// The household and member, when the caller's region covers them (else NotFound) and the member has
    /// labour (else FailedPrecondition); recording also needs the member to still belong to the household.
    /// </summary>
    private async Task<(LabourHousehold Household, Labourer Labourer)> LabourerAsync(
        Caller caller, Guid householdId, Guid memberId, bool forRecording, CancellationToken ct)
    {
        var household = await EmploymentAccess.VisibleHouseholdAsync(db, caller, householdId, ct);
        var labourer = household.Members.FirstOrDefault(m => m.Id == memberId)
            ?? throw RpcErrors.InvalidArgument("member_id", "is not a member of the household");
        RpcErrors.ThrowIfRefused(JobRules.ArchiveRefusal(labourer, forRecording));
        return (household, labourer);
    }
}
