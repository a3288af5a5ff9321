using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Relocation.Contracts;
using Platform.Security;

namespace Platform.Relocation.Tests.FollowUp;

public sealed class FamilyFollowUpTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private FollowUpService.FollowUpServiceClient Client => service.Client<FollowUpService.FollowUpServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task A_family_shows_each_member_with_wish_and_job_and_its_open_case()
    {
        var household = await service.Household().Head().Spouse().Child().RegisterAsync();
        var site = await service.SeedSiteAsync();
        await service.SeedPlanAsync(household, site);
        var job = await service.EmployAsync(household, household.Members[1].MemberId, "LocalEnterprise");

        var family = (await Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = household.Id.ToString() }, County)).Family;

        Assert.Equal(site.Id.ToString(), family.SiteId);
        Assert.Equal(3, family.Members.Count);
        Assert.Equal(2, family.MembersSeekingWork);
        Assert.Equal(1, family.MembersEmployed);
        Assert.False(family.ZeroEmployment);
        var spouse = family.Members.Single(m => m.MemberId == household.Members[1].MemberId.ToString());
        Assert.Equal(43, spouse.Age);
        Assert.Equal(MemberLabourCapacity.Normal, spouse.LabourCapacity);
        Assert.True(spouse.Employed);
        Assert.Equal(job.ToString(), spouse.Job.EmploymentId);
        Assert.Equal("LocalEnterprise", spouse.Job.EmploymentType);
        var child = family.Members.Single(m => m.MemberId == household.Members[2].MemberId.ToString());
        Assert.False(child.SeekingWork);
        Assert.Null(child.Job);
        // The case opened at move-in closed when the spouse started work.
        Assert.Null(family.OpenCase);
        var past = Assert.Single(family.PastCases);
        Assert.Equal(CaseOutcome.Employed, past.Outcome);
        Assert.Equal(job.ToString(), past.ClosingEmploymentId);
        Assert.True(await service.QueryAsync(db => db.AuditRecords.AnyAsync(a => a.Action == "relocation.follow-up.read" && a.EntityId == household.Id.ToString())));
    }

    [Fact]
    public async Task The_origin_reads_a_family_it_does_not_manage()
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync(TestRegions.OtherCountyTownship);
        await service.SeedPlanAsync(household, site);

        var family = (await Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = household.Id.ToString() }, County)).Family;

        Assert.True(family.ZeroEmployment);
        Assert.NotNull(family.OpenCase);
    }

    [Fact]
    public async Task Reading_a_family_fails_with_a_bad_id_or_from_another_county()
    {
        var household = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(household, await service.SeedSiteAsync());

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = "x" }, County));
        Assert.Equal("household_id", RpcAssert.InvalidField(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = Guid.NewGuid().ToString() }, County));
    }

    [Fact]
    public async Task Declining_work_for_the_only_labourer_closes_the_case_and_wishing_again_opens_a_new_one()
    {
        var household = await service.Household().Head().Child().RegisterAsync();
        await service.SeedPlanAsync(household, await service.SeedSiteAsync());
        var head = household.Head.MemberId.ToString();
        var opened = Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(household.Id));

        service.Clock.Advance(TimeSpan.FromMinutes(1));
        var declined = (await Client.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = head, Wish = MemberWorkWish.DoesNotWish, Reason = "Cares for a disabled parent",
        }, County)).Family;

        Assert.False(declined.ZeroEmployment);
        Assert.Equal(0, declined.MembersSeekingWork);
        Assert.Null(declined.OpenCase);
        Assert.Equal(CaseOutcome.NoLabourSeekingWork, Assert.Single(declined.PastCases).Outcome);
        var member = declined.Members.Single(m => m.MemberId == head);
        Assert.Equal(MemberWorkWish.DoesNotWish, member.WorkWish);
        Assert.Equal("Cares for a disabled parent", member.WorkWishReason);
        var closed = Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseClosed>(household.Id));
        Assert.Equal(opened.CaseId, closed.CaseId);
        Assert.Equal("NoLabourSeekingWork", closed.Outcome);

        service.Clock.Advance(TimeSpan.FromMinutes(1));
        var wishes = (await Client.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = head, Wish = MemberWorkWish.Wishes,
        }, County)).Family;

        Assert.True(wishes.ZeroEmployment);
        Assert.NotNull(wishes.OpenCase);
        Assert.NotEqual(opened.CaseId.ToString(), wishes.OpenCase.CaseId);
        Assert.Equal("", wishes.Members.Single(m => m.MemberId == head).WorkWishReason);
        Assert.Equal(2, (await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(household.Id)).Count);
        Assert.True(await service.QueryAsync(db => db.AuditRecords.AnyAsync(a => a.Action == "relocation.follow-up.work-wish" && a.EntityId == head)));
    }

    [Fact]
    public async Task A_work_wish_is_validated_field_by_field()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = "", MemberId = "nope", Wish = MemberWorkWish.Unspecified,
        }, County));
        Assert.Equal(["household_id", "member_id", "wish"], RpcAssert.InvalidFields(error));

        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = Guid.NewGuid().ToString(), MemberId = Guid.NewGuid().ToString(), Wish = MemberWorkWish.DoesNotWish, Reason = "  ",
        }, County));
        Assert.Equal("reason", RpcAssert.InvalidField(error));

        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = Guid.NewGuid().ToString(), MemberId = Guid.NewGuid().ToString(), Wish = MemberWorkWish.DoesNotWish, Reason = new string('r', 201),
        }, County));
        Assert.Equal("reason", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task Only_the_destination_records_a_work_wish_of_a_member_of_the_household()
    {
        var household = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(household, await service.SeedSiteAsync(TestRegions.OtherCountyTownship));
        RecordWorkWishRequest Wish(Guid member) => new() { HouseholdId = household.Id.ToString(), MemberId = member.ToString(), Wish = MemberWorkWish.Wishes };

        // The origin county reads the family but does not manage its follow-up.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.RecordWorkWishAsync(Wish(household.Head.MemberId), County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Client.RecordWorkWishAsync(Wish(household.Head.MemberId), service.As(PlatformRoles.CityOfficer, "341500000000")));
        var otherCounty = service.CountyOfficer(TestRegions.OtherCounty);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.RecordWorkWishAsync(Wish(Guid.NewGuid()), otherCounty));
        await Client.RecordWorkWishAsync(Wish(household.Head.MemberId), otherCounty);
    }
}
