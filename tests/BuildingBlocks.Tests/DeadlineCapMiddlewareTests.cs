using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class DeadlineCapMiddlewareTests
{
    private static readonly Marshaller<string> Text = Marshallers.Create(s => System.Text.Encoding.UTF8.GetBytes(s), b => System.Text.Encoding.UTF8.GetString(b));

    [Theory]
    [InlineData(null, "30000m")]
    [InlineData("5M", "30000m")]
    [InlineData("10S", "10S")]
    public async Task Lowers_missing_or_long_deadlines_of_unary_calls_to_the_cap(string? requested, string expected)
    {
        var context = GrpcContext(MethodType.Unary, requested);

        await new DeadlineCapMiddleware(_ => Task.CompletedTask, new GrpcLimits()).InvokeAsync(context);

        Assert.Equal(expected, context.Request.Headers["grpc-timeout"].ToString());
    }

    [Fact]
    public async Task Streaming_calls_get_the_longer_cap()
    {
        var context = GrpcContext(MethodType.ClientStreaming, null);

        await new DeadlineCapMiddleware(_ => Task.CompletedTask, new GrpcLimits()).InvokeAsync(context);

        Assert.Equal("1800000m", context.Request.Headers["grpc-timeout"].ToString());
    }

    [Fact]
    public async Task Leaves_requests_that_are_not_grpc_calls_alone()
    {
        var context = new DefaultHttpContext();

        await new DeadlineCapMiddleware(_ => Task.CompletedTask, new GrpcLimits()).InvokeAsync(context);

        Assert.False(context.Request.Headers.ContainsKey("grpc-timeout"));
    }

    private static DefaultHttpContext GrpcContext(MethodType type, string? timeout)
    {
        var context = new DefaultHttpContext();
        var method = new Method<string, string>(type, "test.Service", "Call", Text, Text);
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new GrpcMethodMetadata(typeof(object), method)), "test"));
        if (timeout is not null)
        {
            context.Request.Headers["grpc-timeout"] = timeout;
        }

        return context;
    }
}
