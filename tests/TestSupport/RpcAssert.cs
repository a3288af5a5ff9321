using Google.Rpc;
using Grpc.Core;

namespace Platform.Testing;

public static class RpcAssert
{
    /// <summary>Awaits a call that must fail with <paramref name="expected"/>.</summary>
    public static async Task<RpcException> FailsAsync<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        using (call)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(expected, error.StatusCode);
            return error;
        }
    }

    /// <summary>The fields an InvalidArgument error names in its google.rpc.BadRequest detail.</summary>
    public static IReadOnlyList<string> InvalidFields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }

    /// <summary>The one field an InvalidArgument error names.</summary>
    public static string InvalidField(RpcException error) => Assert.Single(InvalidFields(error));
}
