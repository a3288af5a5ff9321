using Grpc.Core;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class IdsTests
{
    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-11D3-9A0C-0305E82C3301")]
    public void A_canonical_uuid_is_an_id(string text)
    {
        var violations = new FieldViolations();

        Assert.Equal(Guid.Parse(text), Ids.Require(text, violations, "household_id"));
        Assert.False(violations.Any);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData(" 3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void Anything_else_is_a_violation_naming_the_field(string text)
    {
        var violations = new FieldViolations();

        Assert.Equal(Guid.Empty, Ids.Require(text, violations, "household_id"));
        Assert.Equal("household_id", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-uuid")]
    public void A_lone_id_that_is_not_an_id_answers_invalid_argument_naming_the_field(string text)
    {
        var error = Assert.Throws<Grpc.Core.RpcException>(() => Ids.Require(text, "site_id"));

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("site_id", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Ids.Require("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "site_id"));
    }

    [Fact]
    public void An_optional_id_may_be_empty_but_not_wrong()
    {
        var empty = new FieldViolations();
        var wrong = new FieldViolations();

        Assert.Null(Ids.Optional("", empty, "record_id"));
        Assert.Equal(Guid.Empty, Ids.Optional("00000000-0000-0000-0000-000000000000", wrong, "record_id"));
        Assert.False(empty.Any);
        Assert.Equal("record_id", Assert.Single(wrong.Items).Field);
    }
}
