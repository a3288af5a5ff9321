using Grpc.Core;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Security;

namespace Platform.Employment.Tests.Projects;

/// <summary>Reimbursement in proportion to verified progress (报账制) and fund expenditure progress over gRPC.</summary>
public sealed class ProjectFundingTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private readonly ProjectDriver _projects = new(service);

    private ProjectLibraryService.ProjectLibraryServiceClient Client => _projects.Client;

    [Fact]
    public async Task Exactly_the_limit_is_paid_one_fen_more_is_refused_and_a_second_report_opens_the_difference()
    {
        var project = await _projects.ImplementingAsync(budget: 1_000_001);
        Assert.Equal(0, project.Disbursable.Fen);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _projects.Disburse(project.ProjectId, 1));

        Assert.Equal(300_000, (await _projects.ProgressAsync(project.ProjectId, 30)).Disbursable.Fen);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _projects.Disburse(project.ProjectId, 300_001));
        var paid = await _projects.Disburse(project.ProjectId, 300_000);
        Assert.Equal((300_000, 0L), (paid.Project.Disbursed.Fen, paid.Project.Disbursable.Fen));
        Assert.Equal(30, paid.Disbursement.ProgressPercent);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _projects.Disburse(project.ProjectId, 1));

        Assert.Equal(250_000, (await _projects.ProgressAsync(project.ProjectId, 55)).Disbursable.Fen);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _projects.Disburse(project.ProjectId, 250_001));
        await _projects.Disburse(project.ProjectId, 250_000);

        var list = await Client.ListDisbursementsAsync(new ListDisbursementsRequest { ProjectId = project.ProjectId }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal([300_000L, 250_000L], list.Disbursements.Select(d => d.Amount.Fen));
        Assert.Equal(550_000, list.Total.Fen);
    }

    [Fact]
    public async Task Progress_never_decreases_is_bounded_and_is_recorded_only_while_implementing()
    {
        var project = await _projects.ImplementingAsync();
        await _projects.ProgressAsync(project.ProjectId, 40);
        var village = service.VillageOfficer(TestRegions.Village);

        var lower = new RecordProgressRequest { ProjectId = project.ProjectId, Percent = 39, VerifiedBy = "Supervisor", VerifiedOn = _projects.Today };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.RecordProgressAsync(lower, village));
        var invalid = new RecordProgressRequest { ProjectId = project.ProjectId, Percent = 101 };
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordProgressAsync(invalid, village));
        Assert.Equal(["percent", "verified_by"], RpcAssert.InvalidFields(error));
        (invalid.Percent, invalid.VerifiedBy) = (50, "Supervisor");
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordProgressAsync(invalid, village));
        Assert.Equal(["verified_on"], RpcAssert.InvalidFields(error));

        var same = await _projects.ProgressAsync(project.ProjectId, 40);
        Assert.Equal([40, 40], same.ProgressReports.Select(r => r.Percent));

        var approved = await _projects.ApprovedAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Client.RecordProgressAsync(new RecordProgressRequest { ProjectId = approved.ProjectId, Percent = 10, VerifiedBy = "S", VerifiedOn = _projects.Today }, village));
    }

    [Fact]
    public async Task Only_the_projects_county_disburses_and_an_approved_project_not_yet_started_receives_nothing()
    {
        var project = await _projects.ImplementingAsync();
        await _projects.ProgressAsync(project.ProjectId, 10);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, service.Client<ProjectLibraryService.ProjectLibraryServiceClient>().RequestDisbursementAsync(
            new RequestDisbursementRequest { ProjectId = project.ProjectId, Amount = new Money { Fen = 1 }, Voucher = "V" }, service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _projects.Disburse(project.ProjectId, 1, TestRegions.OtherCounty));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RequestDisbursementAsync(
            new RequestDisbursementRequest { ProjectId = project.ProjectId }, service.CountyOfficer(TestRegions.County)));
        Assert.Equal(["amount", "voucher"], RpcAssert.InvalidFields(error));

        var approved = await _projects.ApprovedAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _projects.Disburse(approved.ProjectId, 1));
    }

    [Fact]
    public async Task Fund_progress_compares_a_countys_payments_with_the_years_target()
    {
        await using var county = EmploymentFactory.With(new Dictionary<string, string> { ["Employment:Policy:Years:2026:FundExpenditureTargetPercent"] = "60" });
        var projects = new ProjectDriver(county);
        var first = await projects.ImplementingAsync(budget: 1_000_000);
        await projects.ImplementingAsync(budget: 500_000);
        await projects.ImplementingAsync(budget: 700_000, village: TestRegions.OtherCountyVillage);
        await projects.ProgressAsync(first.ProjectId, 100);
        await projects.Disburse(first.ProjectId, 899_999);
        var reader = county.As(PlatformRoles.Auditor, TestRegions.County);
        var request = new GetFundProgressRequest { CountyCode = TestRegions.County, Year = 2026 };

        var below = await projects.Client.GetFundProgressAsync(request, reader);
        Assert.Equal((1_500_000L, 899_999L, 5999, 60, false, 2), (below.Approved.Fen, below.Disbursed.Fen, below.ExpenditureBasisPoints, below.TargetPercent, below.MeetsTarget, below.Projects));

        await projects.Disburse(first.ProjectId, 1);
        Assert.True((await projects.Client.GetFundProgressAsync(request, reader)).MeetsTarget);
        Assert.Equal(0, (await projects.Client.GetFundProgressAsync(new GetFundProgressRequest { CountyCode = TestRegions.County, Year = 2025 }, reader)).Projects);
        Assert.Equal(90, (await service.Client<ProjectLibraryService.ProjectLibraryServiceClient>().GetFundProgressAsync(request, service.As(PlatformRoles.Auditor, TestRegions.County))).TargetPercent);

        await RpcAssert.FailsAsync(StatusCode.NotFound, projects.Client.GetFundProgressAsync(new GetFundProgressRequest { CountyCode = TestRegions.OtherCounty, Year = 2026 }, reader));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            projects.Client.GetFundProgressAsync(new GetFundProgressRequest { CountyCode = TestRegions.Township, Year = 2026 }, reader));
        Assert.Equal("county_code", RpcAssert.InvalidField(error));
    }
}
