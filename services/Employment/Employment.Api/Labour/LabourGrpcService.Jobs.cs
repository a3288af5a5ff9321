using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Contracts;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Employment.Labour;

/// <summary>Jobs, their monthly earnings and transport subsidies, and the return-to-work rate (返岗率).</summary>
public sealed partial class LabourGrpcService
{
    [Allow(Roles.Recorders, "record employment")]
    public override async Task<StartEmploymentResponse> StartEmployment(StartEmploymentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var employer = LabourValidation.Text(request.Employer, violations, "employer");
        var startedOn = LabourValidation.PastDate(request.StartedOn, Today, violations, "started_on");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var (household, _) = await LabourerAsync(caller, householdId, memberId, forRecording: true, ct);
        var type = (Labour.EmploymentType)request.Type;
        var job = new EmploymentRecord
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            MemberId = memberId,
            RegionCode = household.RegionCode,
            Type = type,
            Employer = employer,
            StartedOn = startedOn,
            MonthlyIncomeFen = request.MonthlyIncome.Fen,
            RecordedBy = caller.Subject,
            RecordedAt = Now,
        };
        db.Add(job);
        db.AddEvent(new EmploymentStarted(householdId, memberId, job.Id, job.RegionCode, type.ToString(), startedOn, Now), householdId.ToString(), Now);
        db.Audit(context, "labour.employment.start", nameof(EmploymentRecord), job.Id);
        await db.SaveChangesAsync(ct);
        return new StartEmploymentResponse { Employment = job.ToMessage() };
    }

    [Allow(Roles.Recorders, "end employment")]
    public override async Task<EndEmploymentResponse> EndEmployment(EndEmploymentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.EmploymentId, violations, "employment_id");
        var endedOn = LabourValidation.PastDate(request.EndedOn, Today, violations, "ended_on");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var job = await VisibleJobAsync(caller, id, ct);
        RpcErrors.ThrowIfRefused(JobRules.EndRefusal(job));
        if (endedOn < job.StartedOn)
        {
            throw RpcErrors.InvalidArgument("ended_on", $"must not be before the start on {job.StartedOn:yyyy-MM-dd}");
        }

        var lastPaid = await db.Set<MonthlyEarning>().Where(m => m.EmploymentId == id)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).Select(m => new { m.Year, m.Month }).FirstOrDefaultAsync(ct);
        RpcErrors.ThrowIfRefused(JobRules.EndBeforePaidRefusal(lastPaid is null ? null : (lastPaid.Year, lastPaid.Month), endedOn));

        job.EndedOn = endedOn;
        job.RecordedAt = Now;
        var householdJobs = await db.Set<EmploymentRecord>().Where(j => j.HouseholdId == job.HouseholdId).ToListAsync(ct);
        var lostOnlyJob = HouseholdJobs.LostOnlyJob(job, householdJobs);
        var key = job.HouseholdId.ToString();
        db.AddEvent(new EmploymentEnded(job.HouseholdId, job.MemberId, job.Id, job.RegionCode, endedOn, Now), key, Now);
        if (lostOnlyJob)
        {
            // The registry's monitoring (防返贫监测) flags the household for a visit.
            db.AddEvent(new HouseholdLostOnlyJob(job.HouseholdId, job.MemberId, Now), key, Now);
        }

        db.Audit(context, "labour.employment.end", nameof(EmploymentRecord), job.Id);
        await db.SaveChangesAsync(ct);
        return new EndEmploymentResponse { Employment = job.ToMessage(), HouseholdLostOnlyJob = lostOnlyJob };
    }

    [Allow(Roles.Recorders, "record earnings")]
    public override async Task<RecordEarningsResponse> RecordEarnings(RecordEarningsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.EmploymentId, "employment_id");

        var ct = context.CancellationToken;
        var job = await VisibleJobAsync(caller, id, ct);
        RpcErrors.ThrowIfRefused(JobRules.EarningsRefusal(job, request.Year, request.Month, Today));

        var paymentId = PaymentIds.ForEarnings(job.Id, request.Year, request.Month);
        var earning = await db.Set<MonthlyEarning>().FirstOrDefaultAsync(m => m.Id == paymentId, ct);
        var corrected = earning is not null;
        if (earning is null)
        {
            earning = new MonthlyEarning
            {
                Id = paymentId, EmploymentId = job.Id, HouseholdId = job.HouseholdId, MemberId = job.MemberId,
                Year = request.Year, Month = request.Month, RecordedBy = caller.Subject,
            };
            db.Add(earning);
        }

        earning.AmountFen = request.Amount.Fen;
        earning.RecordedBy = caller.Subject;
        earning.RecordedAt = Now;
        // The same PaymentId on a correction: the registry replaces the month's income entry.
        db.AddEvent(new WagesPaid(job.HouseholdId, job.MemberId, paymentId, request.Year, request.Month, earning.AmountFen, job.Type.ToString(), Now),
            job.HouseholdId.ToString(), Now);
        db.Audit(context, corrected ? "labour.earnings.correct" : "labour.earnings.record", nameof(MonthlyEarning), paymentId);
        await SaveOnceAsync("These earnings were just recorded by someone else; read the archive and retry.", ct);
        if (!corrected)
        {
            // Counted once per month: a counter cannot take back a corrected amount.
            metrics.IncomePaid("wages", earning.AmountFen);
        }

        return new RecordEarningsResponse { Earnings = earning.ToMessage(), Corrected = corrected };
    }

    [Allow(Roles.Recorders, "grant transport subsidies")]
    public override async Task<GrantTransportSubsidyResponse> GrantTransportSubsidy(GrantTransportSubsidyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.EmploymentId, violations, "employment_id");
        violations.Check(request.Year <= Today.Year, "year", $"must not be after this year, {Today.Year}");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var job = await VisibleJobAsync(caller, id, ct);
        RpcErrors.ThrowIfRefused(JobRules.TransportSubsidyRefusal(job, request.Year));

        if (await db.Set<TransportSubsidy>().AnyAsync(s => s.EmploymentId == id && s.Year == request.Year, ct))
        {
            throw RpcErrors.AlreadyExists($"The transport subsidy of {request.Year} was already granted for this employment.");
        }

        var subsidy = new TransportSubsidy
        {
            Id = Guid.CreateVersion7(),
            EmploymentId = job.Id,
            HouseholdId = job.HouseholdId,
            MemberId = job.MemberId,
            Year = request.Year,
            AmountFen = policy.For(request.Year).OutOfProvinceTransportSubsidyFen,
            GrantedBy = caller.Subject,
            GrantedAt = Now,
        };
        db.Add(subsidy);
        db.Audit(context, "labour.transport-subsidy.grant", nameof(TransportSubsidy), subsidy.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent grant won the unique index (employment, year).
            throw RpcErrors.AlreadyExists($"The transport subsidy of {request.Year} was already granted for this employment.");
        }

        return new GrantTransportSubsidyResponse { Subsidy = subsidy.ToMessage() };
    }

    [Allow(Roles.Readers, "read return-to-work rates")]
    public override async Task<GetReturnToWorkRateResponse> GetReturnToWorkRate(GetReturnToWorkRateRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var campaignStart = request.CampaignStart.ToDateOnly();
        violations.Check(campaignStart is not null, "campaign_start", "must be a valid date");
        var asOf = request.AsOf.ToDateOnly();
        violations.Check(asOf is not null, "as_of", "must be a valid date");
        violations.Check(campaignStart is null || asOf is null || asOf >= campaignStart, "as_of", "must not be before campaign_start");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var jobs = await db.Set<EmploymentRecord>().AsNoTracking().InRegion(j => j.RegionCode, region)
            .Select(j => new JobSpan(j.MemberId, j.StartedOn, j.EndedOn)).ToListAsync(ct);
        var rate = ReturnToWorkCalculator.Calculate(jobs, campaignStart!.Value, asOf!.Value);
        db.Audit(context, "labour.return-to-work.read", "Region", region.Value);
        await db.SaveChangesAsync(ct);
        return new GetReturnToWorkRateResponse { WorkedBefore = rate.WorkedBefore, Returned = rate.Returned, RateBasisPoints = rate.BasisPoints };
    }

    /// <summary>The job, when it exists and the caller's region covers its household; otherwise NotFound.</summary>
    private async Task<EmploymentRecord> VisibleJobAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var job = await db.Set<EmploymentRecord>().FirstOrDefaultAsync(j => j.Id == id, ct);
        var householdRegion = job is null ? null : await db.Households.Where(h => h.Id == job.HouseholdId).Select(h => h.RegionCode).FirstOrDefaultAsync(ct);
        if (job is null || householdRegion is null || !caller.CanSee(RegionCode.Parse(householdRegion)))
        {
            throw RpcErrors.NotFound($"Employment {id}");
        }

        return job;
    }

    private async Task SaveOnceAsync(string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw RpcErrors.Aborted(conflict);
        }
    }
}
