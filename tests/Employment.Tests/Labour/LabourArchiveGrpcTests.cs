using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Security;
using static Platform.Employment.Tests.Labour.LabourRequests;

namespace Platform.Employment.Tests.Labour;

/// <summary>The archive calls: skills, trainings, job wish, the archive read and the region listing.</summary>
public sealed class LabourArchiveGrpcTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private LabourService.LabourServiceClient Labour => service.Client<LabourService.LabourServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    [Fact]
    public async Task Skills_trainings_and_a_job_wish_make_up_the_archive_and_each_read_is_audited()
    {
        var household = await service.Household().Head().Spouse("Weak").RegisterAsync();
        var spouse = household.Members[1];

        await Labour.RecordSkillsAsync(Skills(household, spouse, "Sewing", " Cooking "), Village);
        var skills = await Labour.RecordSkillsAsync(Skills(household, spouse, "Sewing", "Tea picking"), Village);
        Assert.Equal(["Cooking", "Sewing", "Tea picking"], skills.Skills);
        var training = await Labour.RecordTrainingAsync(Training(household, spouse), Village);
        Assert.Equal("Welder level 5", training.Training.Certificate);
        await Labour.RecordJobWishAsync(Wish(household, spouse), Village);
        var changed = Wish(household, spouse);
        changed.Place = WorkPlace.Local;
        changed.ExpectedMonthlyIncome = Fen(300_000);
        await Labour.RecordJobWishAsync(changed, Village);

        var archive = (await Labour.GetLabourArchiveAsync(Archive(household, spouse), service.CountyOfficer(TestRegions.County))).Archive;
        Assert.Equal(["Cooking", "Sewing", "Tea picking"], archive.Skills);
        Assert.Equal("Electric welding", Assert.Single(archive.Trainings).Course);
        Assert.Equal((WorkPlace.Local, 300_000L), (archive.JobWish.Place, archive.JobWish.ExpectedMonthlyIncome.Fen));
        Assert.Equal(("Weak", false), (archive.LabourCapacity, archive.Employed));
        Assert.Equal(1, await service.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "labour.archive.read" && a.EntityId == spouse.Id.ToString())));
    }

    [Fact]
    public async Task A_member_without_labour_has_no_archive_and_a_stranger_is_not_a_member()
    {
        var household = await service.Household().Head().Child().RegisterAsync();
        var child = household.Members[1];

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.GetLabourArchiveAsync(Archive(household, child), Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.RecordSkillsAsync(Skills(household, child, "Sewing"), Village));
        var stranger = Skills(household, household.Head, "Sewing");
        stranger.MemberId = Guid.NewGuid().ToString();
        Assert.Equal("member_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordSkillsAsync(stranger, Village))));
    }

    [Fact]
    public async Task Archive_calls_check_fields_region_and_role()
    {
        var household = await service.Household().Head().RegisterAsync();
        var head = household.Head;

        Assert.Equal("skills", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordSkillsAsync(Skills(household, head), Village))));
        Assert.Equal("skills[1]", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordSkillsAsync(Skills(household, head, "Sewing", " "), Village))));
        var backwards = Training(household, head);
        backwards.EndedOn = Day(2025, 9, 30);
        Assert.Equal("ended_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordTrainingAsync(backwards, Village))));
        var future = Training(household, head);
        future.StartedOn = Day(2026, 3, 3);
        future.EndedOn = Day(2026, 3, 4);
        Assert.Equal(["started_on", "ended_on"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordTrainingAsync(future, Village))));
        var noCourse = Training(household, head);
        noCourse.Course = "";
        Assert.Equal("course", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordTrainingAsync(noCourse, Village))));
        var noPlace = Wish(household, head);
        noPlace.Place = WorkPlace.Unspecified;
        Assert.Equal("place", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordJobWishAsync(noPlace, Village))));
        var negative = Wish(household, head);
        negative.ExpectedMonthlyIncome = Fen(-1);
        Assert.Equal("expected_monthly_income", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordJobWishAsync(negative, Village))));

        var otherCounty = service.CountyOfficer(TestRegions.OtherCounty);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.GetLabourArchiveAsync(Archive(household, head), otherCounty));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.RecordTrainingAsync(Training(household, head), otherCounty));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.RecordJobWishAsync(Wish(household, head), service.VillageOfficer(TestRegions.OtherVillage)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.RecordSkillsAsync(Skills(household, head, "Sewing"), service.HumanResources()));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.RecordJobWishAsync(Wish(household, head), service.As(PlatformRoles.Auditor, TestRegions.County)));
        Assert.NotNull((await Labour.GetLabourArchiveAsync(Archive(household, head), service.HumanResources(TestRegions.County))).Archive);
    }

    [Fact]
    public async Task Listing_shows_labourers_of_the_region_filtered_by_employment_page_by_page()
    {
        const string village = "341522100299";
        var first = await service.Household(village).Head().Spouse("Weak").Child().RegisterAsync();
        var second = await service.Household(village).Head().RegisterAsync();
        await service.Household(TestRegions.Village).Head().RegisterAsync();
        var officer = service.VillageOfficer(village);
        await Labour.StartEmploymentAsync(Start(first, first.Head), officer);

        var all = new List<LabourerSummary>();
        var request = new ListLabourersRequest { RegionCode = village, Page = new() { PageSize = 2 } };
        ListLabourersResponse page;
        do
        {
            page = await Labour.ListLabourersAsync(request, service.CountyOfficer(TestRegions.County));
            Assert.Equal(3, page.Page.TotalSize);
            all.AddRange(page.Labourers);
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (page.Page.NextPageToken.Length > 0);

        Assert.Equal(new[] { first.Head.Id, first.Members[1].Id, second.Head.Id }.Select(i => i.ToString()).Order(), all.Select(l => l.MemberId).Order());
        var employed = await Labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = village, Filter = LabourerFilter.Employed }, officer);
        Assert.Equal(first.Head.Id.ToString(), Assert.Single(employed.Labourers).MemberId);
        var unemployed = await Labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = village, Filter = LabourerFilter.Unemployed }, officer);
        Assert.Equal(2, unemployed.Labourers.Count);
        Assert.DoesNotContain(unemployed.Labourers, l => l.Employed);

        Assert.Equal("region_code", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = "34152" }, officer))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = village }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = village }, service.As(PlatformRoles.Operator, village)));
    }
}
