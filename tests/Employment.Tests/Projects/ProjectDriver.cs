using Pa.Common.V1;
using Pa.Employment.V1;

namespace Platform.Employment.Tests.Projects;

/// <summary>Moves test projects through the library with the right officers.</summary>
public sealed class ProjectDriver(EmploymentFactory service)
{
    public ProjectLibraryService.ProjectLibraryServiceClient Client { get; } = service.Client<ProjectLibraryService.ProjectLibraryServiceClient>();

    public static FundingShare Share(FundingSource source, long fen) => new() { Source = source, Amount = new Money { Fen = fen } };

    public Date Today => new() { Year = service.Today.Year, Month = service.Today.Month, Day = service.Today.Day };

    public async Task<IndustryProject> ProposeAsync(string village = TestRegions.Village, params FundingShare[] funding)
    {
        var request = new ProposeProjectRequest { Name = "Chicken raising", Type = ProjectType.Breeding };
        request.Funding.AddRange(funding.Length > 0 ? funding : [Share(FundingSource.IntegratedAgriculturalFunds, 800_000), Share(FundingSource.SelfRaised, 200_001)]);
        return (await Client.ProposeProjectAsync(request, service.VillageOfficer(village))).Project;
    }

    public async Task<IndustryProject> ApprovedAsync(long budget = 1_000_001, string village = TestRegions.Village)
    {
        var project = await ProposeAsync(village);
        var county = village[..6] + "000000";
        return (await Client.ApproveProjectAsync(new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = budget } }, service.CountyOfficer(county))).Project;
    }

    public async Task<IndustryProject> ImplementingAsync(long budget = 1_000_001, string village = TestRegions.Village)
    {
        var project = await ApprovedAsync(budget, village);
        return (await Client.StartImplementationAsync(new StartImplementationRequest { ProjectId = project.ProjectId }, service.VillageOfficer(village))).Project;
    }

    public async Task<IndustryProject> CompletedAsync(string village = TestRegions.Village)
    {
        var project = await ImplementingAsync(village: village);
        await ProgressAsync(project.ProjectId, 100, village);
        return (await Client.RecordCompletionAcceptanceAsync(
            new RecordCompletionAcceptanceRequest { ProjectId = project.ProjectId, Passed = true, Inspector = "County agriculture bureau", InspectedOn = Today },
            service.VillageOfficer(village))).Project;
    }

    public async Task<IndustryProject> OperatingAsync(string village = TestRegions.Village)
    {
        var project = await CompletedAsync(village);
        return (await Client.StartOperationAsync(new StartOperationRequest { ProjectId = project.ProjectId }, service.VillageOfficer(village))).Project;
    }

    public async Task<IndustryProject> ProgressAsync(string projectId, int percent, string village = TestRegions.Village) =>
        (await Client.RecordProgressAsync(
            new RecordProgressRequest { ProjectId = projectId, Percent = percent, VerifiedBy = "Township supervisor", VerifiedOn = Today },
            service.VillageOfficer(village))).Project;

    public Grpc.Core.AsyncUnaryCall<RequestDisbursementResponse> Disburse(string projectId, long fen, string county = TestRegions.County) =>
        Client.RequestDisbursementAsync(new RequestDisbursementRequest { ProjectId = projectId, Amount = new Money { Fen = fen }, Voucher = "BZ-2026-001" }, service.CountyOfficer(county));
}
