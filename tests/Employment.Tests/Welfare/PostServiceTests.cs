using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Security;
using static Platform.Employment.Tests.Welfare.WelfareRequests;

namespace Platform.Employment.Tests.Welfare;

/// <summary>Public-welfare posts: the catalogue, assignments of labourers of the post's county, attendance and its corrections.</summary>
public sealed class PostServiceTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private WelfareEmploymentService.WelfareEmploymentServiceClient Welfare => service.Client<WelfareEmploymentService.WelfareEmploymentServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private async Task<PublicWelfarePost> CreateAsync(string village = TestRegions.Village, PostPayBasis basis = PostPayBasis.PerDay) =>
        (await Welfare.CreatePostAsync(Post(village, basis), County)).Post;

    private async Task<PostAssignment> AssignAsync(PublicWelfarePost post, string village = TestRegions.Village)
    {
        var household = await service.Household(village).Head().RegisterAsync();
        var request = new AssignPostRequest { PostId = post.PostId, LabourerId = household.Head.Id.ToString(), StartedOn = Day(new DateOnly(2026, 2, 1)) };
        return (await Welfare.AssignPostAsync(request, County)).Assignment;
    }

    [Fact]
    public async Task A_labourer_holds_a_post_once_at_a_time_and_may_hold_it_again_after_it_ended()
    {
        var post = await CreateAsync();
        Assert.Equal((PostPayBasis.PerDay, 5_000L, 0), (post.PayBasis, post.Rate.Fen, post.CurrentAssignees));
        var household = await service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        var assign = new AssignPostRequest { PostId = post.PostId, LabourerId = household.Head.Id.ToString(), StartedOn = Day(new DateOnly(2026, 2, 1)) };

        var assignment = (await Welfare.AssignPostAsync(assign, County)).Assignment;
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Welfare.AssignPostAsync(assign, County));
        await Welfare.RecordAttendanceAsync(new RecordAttendanceRequest { AssignmentId = assignment.AssignmentId, WorkedOn = Day(new DateOnly(2026, 2, 20)), Quantity = 1 }, County);

        var tooEarly = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.EndPostAssignmentAsync(
            new EndPostAssignmentRequest { AssignmentId = assignment.AssignmentId, EndedOn = Day(new DateOnly(2026, 2, 19)) }, County));
        Assert.Equal("ended_on", RpcAssert.InvalidField(tooEarly));
        var ended = await Welfare.EndPostAssignmentAsync(new EndPostAssignmentRequest { AssignmentId = assignment.AssignmentId, EndedOn = Day(new DateOnly(2026, 2, 20)) }, County);
        Assert.Equal(Day(new DateOnly(2026, 2, 20)), ended.Assignment.EndedOn);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Welfare.EndPostAssignmentAsync(
            new EndPostAssignmentRequest { AssignmentId = assignment.AssignmentId, EndedOn = Day(service.Today) }, County));
        var afterEnd = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.RecordAttendanceAsync(
            new RecordAttendanceRequest { AssignmentId = assignment.AssignmentId, WorkedOn = Day(new DateOnly(2026, 2, 21)), Quantity = 1 }, County));
        Assert.Equal("worked_on", RpcAssert.InvalidField(afterEnd));

        var audited = await service.QueryAsync(db => db.AuditRecords.Where(a => a.EntityId == household.Head.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["welfare.post.assign", "welfare.post.attendance", "welfare.post.end"], audited);

        var again = await Welfare.AssignPostAsync(new AssignPostRequest(assign) { StartedOn = Day(new DateOnly(2026, 3, 1)) }, County);
        Assert.NotEqual(assignment.AssignmentId, again.Assignment.AssignmentId);
        var listed = await Welfare.ListPostsAsync(new ListPostsRequest { RegionCode = TestRegions.Village }, County);
        Assert.Equal(1, listed.Posts.Single(p => p.PostId == post.PostId).CurrentAssignees);
    }

    [Fact]
    public async Task Only_labourers_with_labour_of_registered_households_in_the_post_county_are_assigned()
    {
        var post = await CreateAsync();
        var household = await service.Household().Head().Child().RegisterAsync();
        var outsider = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var assign = new AssignPostRequest { PostId = post.PostId, StartedOn = Day(service.Today) };

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Welfare.AssignPostAsync(new AssignPostRequest(assign) { LabourerId = household.Members[1].Id.ToString() }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.AssignPostAsync(new AssignPostRequest(assign) { LabourerId = outsider.Head.Id.ToString() }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.AssignPostAsync(new AssignPostRequest(assign) { LabourerId = Guid.NewGuid().ToString() }, County));
    }

    [Fact]
    public async Task A_second_record_of_the_same_date_replaces_the_first_and_quantities_are_bounded_by_the_basis()
    {
        var dayPost = await CreateAsync();
        var taskPost = await CreateAsync(basis: PostPayBasis.PerTask);
        var daily = await AssignAsync(dayPost);
        var tasks = await AssignAsync(taskPost);
        var record = new RecordAttendanceRequest { AssignmentId = daily.AssignmentId, WorkedOn = Day(new DateOnly(2026, 2, 28)), Quantity = 20 };

        Assert.False((await Welfare.RecordAttendanceAsync(record, County)).Replaced);
        var corrected = await Welfare.RecordAttendanceAsync(new RecordAttendanceRequest(record) { Quantity = 18 }, County);
        Assert.Equal((true, 18), (corrected.Replaced, corrected.Attendance.Quantity));

        var tooMany = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.RecordAttendanceAsync(new RecordAttendanceRequest(record) { Quantity = 32 }, County));
        Assert.Equal("quantity", RpcAssert.InvalidField(tooMany));
        var manyTasks = await Welfare.RecordAttendanceAsync(new RecordAttendanceRequest(record) { AssignmentId = tasks.AssignmentId, Quantity = 40 }, County);
        Assert.Equal(40, manyTasks.Attendance.Quantity);
        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.RecordAttendanceAsync(new RecordAttendanceRequest(record) { WorkedOn = Day(service.Today.AddDays(1)) }, County));
        Assert.Equal("worked_on", RpcAssert.InvalidField(future));
    }

    [Fact]
    public async Task Invalid_posts_name_their_fields_and_other_counties_and_readers_are_refused()
    {
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Welfare.CreatePostAsync(new CreatePostRequest
        {
            VillageCode = "34152210020", Title = "", PayBasis = PostPayBasis.Unspecified, Rate = Fen(0),
        }, County));
        Assert.Equal(["village_code", "title", "pay_basis", "rate"], RpcAssert.InvalidFields(bad));

        var post = await CreateAsync();
        var assignment = await AssignAsync(post);
        var other = service.CountyOfficer(TestRegions.OtherCounty);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.CreatePostAsync(Post(TestRegions.Village), other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.RecordAttendanceAsync(
            new RecordAttendanceRequest { AssignmentId = assignment.AssignmentId, WorkedOn = Day(service.Today), Quantity = 1 }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.EndPostAssignmentAsync(
            new EndPostAssignmentRequest { AssignmentId = assignment.AssignmentId, EndedOn = Day(service.Today) }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Welfare.ListPostsAsync(new ListPostsRequest { RegionCode = TestRegions.Village }, other));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Welfare.CreatePostAsync(Post(TestRegions.Village), service.HumanResources()));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Welfare.AssignPostAsync(
            new AssignPostRequest { PostId = post.PostId, LabourerId = assignment.LabourerId, StartedOn = Day(service.Today) }, service.As(PlatformRoles.Auditor, TestRegions.County)));
    }
}
