using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults;

/// <summary>
/// Decides which spans may start a trace: an incoming request (Server), a message received
/// (Consumer) or an event published without a writer's trace (Producer). Without it, every
/// database query of the background loops (the outbox relay's sweep every two seconds, lease
/// renewals, pruning) was a one-span root trace of its own, and an idle suite filled the
/// dashboard's Traces page with hundreds of them around the one request an operator looks for.
/// Spans inside a trace follow their parent's decision, so a request's queries and a relayed
/// event that continues its writer's trace are recorded as before.
/// </summary>
public sealed class RequestRootSampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Skip = new(SamplingDecision.Drop);

    /// <summary>The whole policy: parent-based, with this sampler for spans that have no parent.</summary>
    public static Sampler ForPlatform() => new ParentBasedSampler(new RequestRootSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer or ActivityKind.Producer ? Record : Skip;
}
