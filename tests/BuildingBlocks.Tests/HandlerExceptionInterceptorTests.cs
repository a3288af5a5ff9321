using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class HandlerExceptionInterceptorTests
{
    private readonly HandlerExceptionInterceptor _interceptor = new();

    [Fact]
    public async Task A_handler_cut_off_by_its_deadline_answers_deadline_exceeded()
    {
        var context = new CallContext(DateTime.UtcNow.AddSeconds(-1), cancelled: true);
        var error = await Assert.ThrowsAsync<RpcException>(() => _interceptor.UnaryServerHandler<string, string>("x", context, (_, ct) => throw new OperationCanceledException(ct.CancellationToken)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task A_streaming_handler_whose_client_went_away_answers_cancelled()
    {
        var context = new CallContext(DateTime.UtcNow.AddMinutes(1), cancelled: true);
        var error = await Assert.ThrowsAsync<RpcException>(() => _interceptor.ClientStreamingServerHandler<string, string>(null!, context, (_, _) => throw new TaskCanceledException()));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_the_call_did_not_ask_for_is_not_disguised()
    {
        var context = new CallContext(DateTime.UtcNow.AddMinutes(1), cancelled: false);
        await Assert.ThrowsAsync<OperationCanceledException>(() => _interceptor.UnaryServerHandler<string, string>("x", context, (_, _) => throw new OperationCanceledException()));
    }

    [Fact]
    public async Task Other_answers_pass_through()
    {
        var context = new CallContext(DateTime.UtcNow.AddSeconds(-1), cancelled: true);
        Assert.Equal("ok", await _interceptor.UnaryServerHandler<string, string>("x", context, (_, _) => Task.FromResult("ok")));
        var error = await Assert.ThrowsAsync<RpcException>(() => _interceptor.UnaryServerHandler<string, string>("x", context, (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "field"))));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    public static TheoryData<string> LostRaces => ["token moved", "deadlock, wrapped by the execution strategy", "serialization failure, from raw SQL"];

    [Theory]
    [MemberData(nameof(LostRaces))]
    public async Task A_save_that_lost_a_race_answers_aborted_however_the_provider_wrapped_it(string race)
    {
        Exception thrown = race switch
        {
            "token moved" => new DbUpdateConcurrencyException("0 rows"),
            "deadlock, wrapped by the execution strategy" => new InvalidOperationException("transient",
                new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected))),
            _ => Postgres(PostgresErrorCodes.SerializationFailure),
        };
        var context = new CallContext(DateTime.UtcNow.AddMinutes(1), cancelled: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => _interceptor.UnaryServerHandler<string, string>("x", context, (_, _) => throw thrown));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task A_failed_save_that_is_not_a_lost_race_is_not_called_one()
    {
        var context = new CallContext(DateTime.UtcNow.AddMinutes(1), cancelled: false);
        await Assert.ThrowsAsync<DbUpdateException>(() => _interceptor.UnaryServerHandler<string, string>("x", context,
            (_, _) => throw new DbUpdateException("save", Postgres(PostgresErrorCodes.ForeignKeyViolation))));
    }

    private static PostgresException Postgres(string sqlState) => new("conflict", "ERROR", "ERROR", sqlState);

    private sealed class CallContext(DateTime deadline, bool cancelled) : ServerCallContext
    {
        protected override string MethodCore => "test";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "test";

        protected override DateTime DeadlineCore => deadline;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => new(cancelled);

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
