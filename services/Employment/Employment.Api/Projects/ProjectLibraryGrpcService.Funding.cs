using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using IndustryProject = Platform.Employment.Projects.IndustryProject;

namespace Platform.Employment.Projects;

/// <summary>Funding by reimbursement in proportion to verified progress (报账制) and fund expenditure progress (资金支出进度).</summary>
public sealed partial class ProjectLibraryGrpcService
{
    [Allow(Roles.Recorders, "record construction progress")]
    public override async Task<RecordProgressResponse> RecordProgress(RecordProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var verifiedBy = ProjectValidation.Text(request.VerifiedBy, required: true, violations, "verified_by");
        var now = time.GetUtcNow().UtcDateTime;
        var verifiedOn = ProjectValidation.NotInFuture(request.VerifiedOn, DateOnly.FromDateTime(now), violations, "verified_on");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.RecordProgress);
        if (Reimbursement.ProgressRefusal(project.ProgressPercent, request.Percent) is { } why)
        {
            throw RpcErrors.FailedPrecondition($"Project {id}: {why}.");
        }

        project.ProgressPercent = request.Percent;
        db.Add(new ProjectProgressReport
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            Percent = request.Percent,
            VerifiedBy = verifiedBy,
            VerifiedOn = verifiedOn,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        });
        await SaveAsync(caller, "progress", project, context, now);
        return new RecordProgressResponse { Project = await DetailsAsync(project, context.CancellationToken) };
    }

    [Allow(Roles.CountyOfficer, "disburse project funds")]
    public override async Task<RequestDisbursementResponse> RequestDisbursement(RequestDisbursementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var voucher = ProjectValidation.Text(request.Voucher, required: true, violations, "voucher");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.Disburse);
        if (Reimbursement.Refusal(request.Amount.Fen, project.ProgressPercent, project.ApprovedBudgetFen, project.DisbursedFen) is { } why)
        {
            throw RpcErrors.FailedPrecondition($"Funds are paid by reimbursement, never in advance: {why}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var disbursement = new ProjectDisbursement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            AmountFen = request.Amount.Fen,
            ProgressPercent = project.ProgressPercent,
            Voucher = voucher,
            DisbursedBy = caller.Subject,
            DisbursedAt = now,
        };
        db.Add(disbursement);
        project.DisbursedFen = checked(project.DisbursedFen + request.Amount.Fen);
        var message = await SaveAsync(caller, "disburse", project, context, now);
        return new RequestDisbursementResponse { Disbursement = disbursement.ToMessage(), Project = message };
    }

    [Allow(Roles.Readers, "read project disbursements")]
    public override async Task<ListDisbursementsResponse> ListDisbursements(ListDisbursementsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.ProjectId, "project_id");

        await VisibleProjectAsync(caller, id, context.CancellationToken);
        var rows = (await db.Set<ProjectDisbursement>().AsNoTracking().Where(d => d.ProjectId == id).ToListAsync(context.CancellationToken)).OrderBy(d => d.Id).ToList();
        var response = new ListDisbursementsResponse { Total = ProjectMapping.Money(rows.Sum(d => d.AmountFen)) };
        response.Disbursements.AddRange(rows.Select(d => d.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "read fund expenditure progress")]
    public override async Task<GetFundProgressResponse> GetFundProgress(GetFundProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var county = RegionAccess.ListingRegion(caller, request.CountyCode, violations, "county_code");
        violations.Check(county.Level == RegionLevel.County, "county_code", "must be the code of a county");
        violations.ThrowIfAny();

        var from = new DateTime(request.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var projects = await db.Set<IndustryProject>().AsNoTracking()
            .InRegion(p => p.VillageCode, county).Where(p => p.ApprovedAt >= from && p.ApprovedAt < to)
            .Select(p => new { p.ApprovedBudgetFen, p.DisbursedFen }).ToListAsync(context.CancellationToken);
        var progress = new FundExpenditure(
            projects.Aggregate(0L, (sum, p) => checked(sum + p.ApprovedBudgetFen)),
            projects.Aggregate(0L, (sum, p) => checked(sum + p.DisbursedFen)),
            policy.For(request.Year).FundExpenditureTargetPercent);
        return new GetFundProgressResponse
        {
            CountyCode = county.Value,
            Year = request.Year,
            Approved = ProjectMapping.Money(progress.ApprovedFen),
            Disbursed = ProjectMapping.Money(progress.DisbursedFen),
            ExpenditureBasisPoints = progress.BasisPoints,
            TargetPercent = progress.TargetPercent,
            MeetsTarget = progress.MeetsTarget,
            Projects = projects.Count,
        };
    }
}
