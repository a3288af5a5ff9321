using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.EndToEnd.EventProbe;
using Platform.Messaging;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = Host.CreateApplicationBuilder(args);
builder.AddPlatformTelemetry();
var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(ResourceNames.Broker));
builder.Services.AddMassTransit(bus =>
{
    bus.AddConsumer<HouseholdAppliedObserver>();
    bus.AddConsumer<HouseholdRegisteredObserver>();
    bus.AddConsumer<HouseholdExitedObserver>();
    bus.AddConsumer<GuaranteeStatusChangedObserver>();
    bus.AddConsumer<ZeroEmploymentCaseOpenedObserver>();
    bus.AddConsumer<ZeroEmploymentCaseClosedObserver>();
    bus.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
        {
            h.Username(broker.User);
            h.Password(broker.Password);
        });
        cfg.ConfigureEndpoints(context);
    });
});

await builder.Build().RunAsync();
