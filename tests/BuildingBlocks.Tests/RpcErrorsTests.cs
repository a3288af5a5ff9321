using Google.Rpc;
using Grpc.Core;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class RpcErrorsTests
{
    [Fact]
    public void InvalidArgument_lists_every_field_violation()
    {
        var violations = new FieldViolations()
            .Add("household.national_id", "has a wrong check character")
            .Add("household.region", "is required")
            .Add("page.page_size", "must not be negative");

        var exception = RpcErrors.InvalidArgument(violations);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(
            ["household.national_id", "household.region", "page.page_size"],
            badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("is required", badRequest.FieldViolations[1].Description);
        Assert.Contains("household.region", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_field_overload_gives_one_violation()
    {
        var badRequest = RpcErrors.InvalidArgument("name", "is required").GetRpcStatus()?.GetDetail<BadRequest>();

        var violation = Assert.Single(badRequest!.FieldViolations);
        Assert.Equal("name", violation.Field);
    }

    [Fact]
    public void Check_adds_only_when_invalid()
    {
        var violations = new FieldViolations()
            .Check(true, "ok", "never added")
            .Check(false, "bad", "added");

        var violation = Assert.Single(violations.Items);
        Assert.Equal("bad", violation.Field);
        Assert.True(violations.Any);
    }

    [Fact]
    public void ThrowIfAny_throws_only_with_violations()
    {
        new FieldViolations().Check(true, "ok", "fine").ThrowIfAny();

        var exception = Assert.Throws<RpcException>(() => new FieldViolations().Add("x", "bad").ThrowIfAny());
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
    }

    [Fact]
    public void Other_helpers_use_their_status_codes()
    {
        Assert.Equal(StatusCode.NotFound, RpcErrors.NotFound("Household").StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, RpcErrors.AlreadyExists("dup").StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, RpcErrors.FailedPrecondition("state").StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, RpcErrors.PermissionDenied("no").StatusCode);
    }
}
