using Grpc.Core;
using Microsoft.Extensions.Options;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>Configuration section <c>Registry:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Registry:Demo";

    /// <summary>Off unless a deployment asks for it: production registries never seed made-up households.</summary>
    public bool Enabled { get; set; }
}

/// <summary>Operator actions for demonstrations: seeding the synthetic demo county.</summary>
public sealed class DemoGrpcService(DemoSeeder seeder, IOptions<DemoOptions> options) : DemoService.DemoServiceBase
{
    [Allow(Roles.Operator, "seed the demo county")]
    public override async Task SeedDemoCounty(SeedDemoCountyRequest request, IServerStreamWriter<SeedDemoCountyResponse> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!options.Value.Enabled)
        {
            throw RpcErrors.FailedPrecondition("Demo seeding is disabled in this deployment (Registry:Demo:Enabled).");
        }

        var plan = request.Households == 0 ? new DemoCountyPlan() : new DemoCountyPlan(request.Households);
        await foreach (var progress in seeder.SeedAsync(plan, caller, context.AccessPurpose(), CallContextExtensions.TraceId, context.CancellationToken))
        {
            await responseStream.WriteAsync(new SeedDemoCountyResponse { Phase = progress.Phase, Done = progress.Done, Total = progress.Total });
        }
    }
}
