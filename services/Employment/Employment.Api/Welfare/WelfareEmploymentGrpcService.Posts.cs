using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Labourers;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.Employment.Welfare;

/// <summary>
/// Public-welfare posts (公益性岗位): a village's catalogue, who holds which post, and the days or
/// tasks they work. A post is for labourers of its own county.
/// </summary>
public sealed partial class WelfareEmploymentGrpcService
{
    public const int MaxDaysPerRecord = 31;

    [Allow(Roles.Recorders, "create public-welfare posts")]
    public override async Task<CreatePostResponse> CreatePost(CreatePostRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var village = WelfareValidation.Village(request.VillageCode, violations, "village_code");
        var title = WelfareValidation.Text(request.Title, violations, "title");
        violations.ThrowIfAny();
        RequireVisible(caller, village);

        var now = time.GetUtcNow().UtcDateTime;
        var post = new PublicWelfarePost
        {
            Id = Guid.CreateVersion7(), VillageCode = village.Value, Title = title, PayBasis = WelfareMapping.FromProto(request.PayBasis)!.Value, RateFen = request.Rate.Fen,
            CreatedBy = caller.Subject, CreatedAt = now,
        };
        db.Add(post);
        db.Audit(context, "welfare.post.create", nameof(PublicWelfarePost), post.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreatePostResponse { Post = post.ToMessage(0) };
    }

    [Allow(Roles.Readers, "list public-welfare posts")]
    public override async Task<ListPostsResponse> ListPosts(ListPostsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var query = db.Set<PublicWelfarePost>().AsNoTracking().InRegion(p => p.VillageCode, region);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var shown = rows.Take(page.Size).Select(p => p.Id).ToList();
        var counts = await db.Set<PostAssignment>().Where(a => shown.Contains(a.PostId) && a.EndedOn == null).GroupBy(a => a.PostId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);

        var response = new ListPostsResponse { Page = Paging.Response(rows, page, total, p => p.Id.ToString()) };
        response.Posts.AddRange(rows.Take(page.Size).Select(p => p.ToMessage(counts.GetValueOrDefault(p.Id))));
        return response;
    }

    [Allow(Roles.Recorders, "assign public-welfare posts")]
    public override async Task<AssignPostResponse> AssignPost(AssignPostRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var postId = Ids.Require(request.PostId, violations, "post_id");
        var labourerId = Ids.Require(request.LabourerId, violations, "labourer_id");
        var startedOn = WelfareValidation.Day(request.StartedOn, DateOnly.FromDateTime(now), violations, "started_on");
        violations.ThrowIfAny();

        var post = await VisiblePostAsync(caller, postId, context.CancellationToken);
        var (labourer, household) = await WorkingLabourerAsync(caller, labourerId, context.CancellationToken);
        // Recorders are county officers at most, so today a household they can see is always in the
        // post's county; the rule is kept explicit in case a wider role ever records assignments.
        var county = RegionCode.Parse(post.VillageCode).AncestorAt(RegionLevel.County)!.Value;
        if (!county.Covers(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.InvalidArgument("labourer_id", "must be a labourer of a household in the post's county");
        }

        var assignments = db.Set<PostAssignment>();
        if (await assignments.AnyAsync(a => a.PostId == postId && a.LabourerId == labourerId && a.EndedOn == null, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists($"Labourer {labourerId} already holds this post.");
        }

        var assignment = new PostAssignment
        {
            Id = Guid.CreateVersion7(), PostId = postId, VillageCode = post.VillageCode, LabourerId = labourerId, HouseholdId = labourer.HouseholdId,
            StartedOn = startedOn, RecordedAt = now,
        };
        assignments.Add(assignment);
        db.Audit(context, "welfare.post.assign", nameof(Labourer), labourerId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new AssignPostResponse { Assignment = assignment.ToMessage() };
    }

    [Allow(Roles.Recorders, "end public-welfare post assignments")]
    public override async Task<EndPostAssignmentResponse> EndPostAssignment(EndPostAssignmentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var assignmentId = Ids.Require(request.AssignmentId, violations, "assignment_id");
        var endedOn = WelfareValidation.Day(request.EndedOn, DateOnly.FromDateTime(now), violations, "ended_on");
        violations.ThrowIfAny();

        var (assignment, _) = await VisibleAssignmentAsync(caller, assignmentId, context.CancellationToken);
        RpcErrors.ThrowIfRefused(WelfareWorkRules.EndAssignmentRefusal(assignment));

        var lastWorked = await db.Set<PostAttendance>().Where(a => a.AssignmentId == assignmentId && a.Quantity > 0)
            .MaxAsync(a => (DateOnly?)a.WorkedOn, context.CancellationToken);
        violations.Check(endedOn >= assignment.StartedOn, "ended_on", "must not be before the assignment started");
        violations.Check(lastWorked is null || endedOn >= lastWorked, "ended_on", $"must not be before the last day with work recorded ({lastWorked:yyyy-MM-dd})");
        violations.ThrowIfAny();

        assignment.EndedOn = endedOn;
        db.Audit(context, "welfare.post.end", nameof(Labourer), assignment.LabourerId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new EndPostAssignmentResponse { Assignment = assignment.ToMessage() };
    }

    [Allow(Roles.Recorders, "record public-welfare post attendance")]
    public override async Task<RecordAttendanceResponse> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var assignmentId = Ids.Require(request.AssignmentId, violations, "assignment_id");
        var workedOn = WelfareValidation.Day(request.WorkedOn, DateOnly.FromDateTime(now), violations, "worked_on");
        violations.ThrowIfAny();

        var (assignment, post) = await VisibleAssignmentAsync(caller, assignmentId, context.CancellationToken);
        // The contract allows 0 to 1000 (tasks); a day post's record holds at most a month of days.
        violations.Check(post.PayBasis == PostPayBasis.PerTask || request.Quantity <= MaxDaysPerRecord, "quantity", $"must be 0 to {MaxDaysPerRecord} days");
        violations.Check(workedOn >= assignment.StartedOn && (assignment.EndedOn is null || workedOn <= assignment.EndedOn), "worked_on", "must lie within the assignment");
        violations.ThrowIfAny();

        var records = db.Set<PostAttendance>();
        var record = await records.FirstOrDefaultAsync(a => a.AssignmentId == assignmentId && a.WorkedOn == workedOn, context.CancellationToken);
        var replaced = record is not null;
        if (record is null)
        {
            record = new PostAttendance { AssignmentId = assignmentId, WorkedOn = workedOn, RecordedBy = caller.Subject };
            records.Add(record);
        }

        record.Quantity = request.Quantity;
        record.RecordedBy = caller.Subject;
        record.RecordedAt = now;
        db.Audit(context, replaced ? "welfare.post.attendance-correct" : "welfare.post.attendance", nameof(Labourer), assignment.LabourerId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordAttendanceResponse
        {
            Attendance = new AttendanceRecord { AssignmentId = assignmentId.ToString(), WorkedOn = workedOn.ToProto(), Quantity = record.Quantity },
            Replaced = replaced,
        };
    }

    private async Task<PublicWelfarePost> VisiblePostAsync(Caller caller, Guid postId, CancellationToken ct)
    {
        var post = await db.Set<PublicWelfarePost>().FirstOrDefaultAsync(p => p.Id == postId, ct);
        return RegionAccess.Visible(caller, post, x => x.VillageCode, $"Post {postId}");
    }

    private async Task<(PostAssignment Assignment, PublicWelfarePost Post)> VisibleAssignmentAsync(Caller caller, Guid assignmentId, CancellationToken ct)
    {
        var found = await db.Set<PostAssignment>().Join(db.Set<PublicWelfarePost>(), a => a.PostId, p => p.Id, (a, p) => new { Assignment = a, Post = p })
            .FirstOrDefaultAsync(x => x.Assignment.Id == assignmentId, ct);
        return found is not null && caller.CanSee(RegionCode.Parse(found.Assignment.VillageCode))
            ? (found.Assignment, found.Post)
            : throw RpcErrors.NotFound($"Assignment {assignmentId}");
    }
}
