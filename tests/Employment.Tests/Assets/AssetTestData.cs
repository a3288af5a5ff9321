using Platform.Employment.Projects;

namespace Platform.Employment.Tests.Assets;

/// <summary>Projects are the project library's; asset tests insert them directly.</summary>
public static class AssetTestData
{
    public static async Task<Guid> ProjectAsync(this EmploymentFactory service, ProjectStatus status = ProjectStatus.Operating, string village = TestRegions.Village)
    {
        var project = new IndustryProject
        {
            Id = Guid.CreateVersion7(),
            VillageCode = village,
            Name = "Chicken farm",
            Type = ProjectType.Breeding,
            Status = status,
            ApprovedBudgetFen = 50_000_000,
            ProposedAt = service.Clock.GetUtcNow().UtcDateTime,
            ProposedBy = "test",
        };
        await service.QueryAsync(async db =>
        {
            db.Set<IndustryProject>().Add(project);
            return await db.SaveChangesAsync();
        });
        return project.Id;
    }

    public static Pa.Employment.V1.SetSharesRequest Shares(Guid project, params (Guid Household, long Shares)[] holdings)
    {
        var request = new Pa.Employment.V1.SetSharesRequest { ProjectId = project.ToString() };
        request.Holdings.AddRange(holdings.Select(h => new Pa.Employment.V1.HouseholdShares { HouseholdId = h.Household.ToString(), Shares = h.Shares }));
        return request;
    }

    public static Pa.Employment.V1.RunDividendRequest Dividend(Guid project, string runKey, long fen, int year = 2025) =>
        new() { ProjectId = project.ToString(), RunKey = runKey, Year = year, Amount = new Pa.Common.V1.Money { Fen = fen } };
}
