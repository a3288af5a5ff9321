using Grpc.Core;
using Pa.Employment.V1;
using Platform.Security;
using static Platform.Employment.Tests.Welfare.WelfareRequests;

namespace Platform.Employment.Tests.Welfare;

/// <summary>Workshops: registration, hiring and release of poor labourers, and the yearly subsidy granted once.</summary>
public sealed class WorkshopServiceTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private WelfareEmploymentService.WelfareEmploymentServiceClient Welfare => service.Client<WelfareEmploymentService.WelfareEmploymentServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private async Task<Workshop> RegisterAsync(string village = TestRegions.Village) =>
        (await Welfare.RegisterWorkshopAsync(Workshop(village, new DateOnly(2025, 1, 10)), County)).Workshop;

    private async Task<WorkshopEmployee> HireAsync(Workshop workshop, DateOnly hiredOn, string village = TestRegions.Village)
    {
        var household = await service.Household(village).Head().RegisterAsync();
        var request = new HireWorkshopEmployeeRequest { WorkshopId = workshop.WorkshopId, LabourerId = household.Head.Id.ToString(), HiredOn = Day(hiredOn) };
        return (await Welfare.HireWorkshopEmployeeAsync(request, County)).Employee;
    }

    [Fact]
    public async Task Five_poor_employees_in_the_year_earn_the_subsidy_once()
    {
        var workshop = await RegisterAsync();
        for (var i = 0; i < 4; i++)
        {
            await HireAsync(workshop, new DateOnly(2025, 3, 1));
        }

        var request = new ComputeWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 };
        var four = (await Welfare.ComputeWorkshopSubsidyAsync(request, County)).Subsidy;
        Assert.Equal((4, 5, 0L, false), (four.PoorEmployees, four.MinimumPoorEmployees, four.Amount.Fen, four.Granted));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Welfare.GrantWorkshopSubsidyAsync(new GrantWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, County));

        var fifth = await HireAsync(workshop, new DateOnly(2025, 12, 31));
        var granted = (await Welfare.GrantWorkshopSubsidyAsync(new GrantWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, County)).Subsidy;
        Assert.Equal((5, 500_000L, 100_000L, true), (granted.PoorEmployees, granted.Amount.Fen, granted.PerEmployee.Fen, granted.Granted));

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists,
            Welfare.GrantWorkshopSubsidyAsync(new GrantWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, County));
        await Welfare.ReleaseWorkshopEmployeeAsync(new ReleaseWorkshopEmployeeRequest { EmploymentId = fifth.EmploymentId, LeftOn = Day(service.Today) }, County);
        var after = (await Welfare.ComputeWorkshopSubsidyAsync(request, County)).Subsidy;
        Assert.Equal((true, 500_000L), (after.Granted, after.Amount.Fen));
    }

    [Fact]
    public async Task Hiring_needs_labour_a_registered_household_and_no_current_employment_in_the_same_workshop()
    {
        var workshop = await RegisterAsync();
        var household = await service.Household().Head().Spouse("None").RegisterAsync();
        var hire = new HireWorkshopEmployeeRequest { WorkshopId = workshop.WorkshopId, LabourerId = household.Head.Id.ToString(), HiredOn = Day(new DateOnly(2025, 5, 1)) };

        var employee = (await Welfare.HireWorkshopEmployeeAsync(hire, County)).Employee;
        Assert.Equal((household.Id.ToString(), null), (employee.HouseholdId, employee.LeftOn));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Welfare.HireWorkshopEmployeeAsync(hire, County));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Welfare.HireWorkshopEmployeeAsync(new HireWorkshopEmployeeRequest(hire) { LabourerId = household.Members[1].Id.ToString() }, County));

        var released = (await Welfare.ReleaseWorkshopEmployeeAsync(new ReleaseWorkshopEmployeeRequest { EmploymentId = employee.EmploymentId, LeftOn = Day(new DateOnly(2025, 9, 30)) }, County)).Employee;
        Assert.Equal(Day(new DateOnly(2025, 9, 30)), released.LeftOn);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Welfare.ReleaseWorkshopEmployeeAsync(new ReleaseWorkshopEmployeeRequest { EmploymentId = employee.EmploymentId, LeftOn = Day(service.Today) }, County));
        var rehired = await Welfare.HireWorkshopEmployeeAsync(new HireWorkshopEmployeeRequest(hire) { HiredOn = Day(new DateOnly(2025, 11, 1)) }, County);
        Assert.NotEqual(employee.EmploymentId, rehired.Employee.EmploymentId);
    }

    [Fact]
    public async Task Invalid_requests_name_their_fields()
    {
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.RegisterWorkshopAsync(new RegisterWorkshopRequest
        {
            Name = " ", VillageCode = TestRegions.Township, OperatorName = "x", RegisteredOn = Day(service.Today.AddDays(1)),
        }, County));
        Assert.Equal(["name", "village_code", "registered_on"], RpcAssert.InvalidFields(bad));

        var workshop = await RegisterAsync();
        var household = await service.Household().Head().RegisterAsync();
        var early = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.HireWorkshopEmployeeAsync(new HireWorkshopEmployeeRequest
        {
            WorkshopId = workshop.WorkshopId, LabourerId = household.Head.Id.ToString(), HiredOn = Day(new DateOnly(2024, 12, 31)),
        }, County));
        Assert.Equal("hired_on", RpcAssert.InvalidField(early));

        var year = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.ComputeWorkshopSubsidyAsync(new ComputeWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = service.Today.Year + 1 }, County));
        Assert.Equal("year", RpcAssert.InvalidField(year));
        var id = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.ReleaseWorkshopEmployeeAsync(new ReleaseWorkshopEmployeeRequest { EmploymentId = "nope", LeftOn = Day(service.Today) }, County));
        Assert.Equal("employment_id", RpcAssert.InvalidField(id));
    }

    [Fact]
    public async Task Another_county_sees_nothing_and_readers_cannot_change_anything()
    {
        var workshop = await RegisterAsync();
        var other = service.CountyOfficer(TestRegions.OtherCounty);
        var outsider = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Welfare.ComputeWorkshopSubsidyAsync(new ComputeWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.RegisterWorkshopAsync(Workshop(TestRegions.Village, service.Today), other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.HireWorkshopEmployeeAsync(new HireWorkshopEmployeeRequest
        {
            WorkshopId = workshop.WorkshopId, LabourerId = outsider.Head.Id.ToString(), HiredOn = Day(service.Today),
        }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = TestRegions.County }, other));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Welfare.RegisterWorkshopAsync(Workshop(TestRegions.Village, service.Today), service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Welfare.GrantWorkshopSubsidyAsync(new GrantWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, service.HumanResources()));
    }

    [Fact]
    public async Task Workshops_list_by_region_in_pages_with_their_current_employees()
    {
        const string village = "341522100241";
        var first = await RegisterAsync(village);
        var second = await RegisterAsync(village);
        await HireAsync(first, new DateOnly(2025, 2, 1), village);
        await RegisterAsync(TestRegions.OtherVillage);

        var page1 = await Welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = village, Page = new() { PageSize = 1 } }, County);
        var page2 = await Welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = village, Page = new() { PageSize = 1, PageToken = page1.Page.NextPageToken } }, County);

        Assert.Equal(2, page1.Page.TotalSize);
        Assert.Equal([first.WorkshopId, second.WorkshopId], page1.Workshops.Concat(page2.Workshops).Select(w => w.WorkshopId));
        Assert.Equal([1, 0], page1.Workshops.Concat(page2.Workshops).Select(w => w.CurrentEmployees));
        Assert.Equal("", page2.Page.NextPageToken);
        var auditor = await Welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = village }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal(2, auditor.Workshops.Count);
    }
}
