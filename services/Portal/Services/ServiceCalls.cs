using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pa.Assistance.V1;
using Pa.Employment.V1;
using Pa.Registry.V1;
using Pa.Relocation.V1;

namespace Platform.Portal.Services;

/// <summary>
/// The four services' clients for one page request, as the signed-in officer: every call carries the
/// officer's own access token, so the services apply the officer's region scope, masking and audit.
/// Reads of personal records also carry the purpose the officer chose (x-access-purpose).
/// </summary>
public sealed class ServiceCalls(ServiceChannels channels, IHttpContextAccessor http, IOptions<PortalOptions> options)
{
    public const string PurposeHeader = "x-access-purpose";

    private string? _token;

    /// <summary>Call options with the officer's token, a deadline and, for reads of a family's file, the purpose.</summary>
    public async Task<CallOptions> AsOfficerAsync(string? purpose = null)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Service calls belong to a page request.");
        _token ??= await context.GetTokenAsync("access_token")
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The portal holds no access token for this officer."));
        var headers = new Metadata { { "authorization", $"Bearer {_token}" } };
        if (!string.IsNullOrWhiteSpace(purpose))
        {
            headers.Add(PurposeHeader, purpose);
        }

        return new CallOptions(headers, DateTime.UtcNow.Add(options.Value.CallTimeout), context.RequestAborted);
    }

    public Pa.Registry.V1.StatisticsService.StatisticsServiceClient RegistryStatistics => new(channels.Registry);

    public RegionService.RegionServiceClient Regions => new(channels.Registry);

    public HouseholdService.HouseholdServiceClient Households => new(channels.Registry);

    public IdentificationService.IdentificationServiceClient Identification => new(channels.Registry);

    public IncomeService.IncomeServiceClient Income => new(channels.Registry);

    public MonitoringService.MonitoringServiceClient Monitoring => new(channels.Registry);

    public SupportService.SupportServiceClient Support => new(channels.Registry);

    public GuaranteeService.GuaranteeServiceClient Guarantees => new(channels.Assistance);

    public EducationService.EducationServiceClient Education => new(channels.Assistance);

    public HealthService.HealthServiceClient Health => new(channels.Assistance);

    public HousingService.HousingServiceClient Housing => new(channels.Assistance);

    public WaterService.WaterServiceClient Water => new(channels.Assistance);

    public LabourService.LabourServiceClient Labour => new(channels.Employment);

    public WelfareEmploymentService.WelfareEmploymentServiceClient Welfare => new(channels.Employment);

    public ProjectLibraryService.ProjectLibraryServiceClient Projects => new(channels.Employment);

    public AssetIncomeService.AssetIncomeServiceClient Assets => new(channels.Employment);

    public RelocationService.RelocationServiceClient Relocations => new(channels.Relocation);

    public FollowUpService.FollowUpServiceClient FollowUp => new(channels.Relocation);

    public SiteService.SiteServiceClient Sites => new(channels.Relocation);

    public Pa.Relocation.V1.StatisticsService.StatisticsServiceClient RelocationStatistics => new(channels.Relocation);
}
