using Grpc.Core;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Import;

/// <summary>Migration of registered households from the national system, streamed by the caller.</summary>
public sealed class HouseholdImportGrpcService(HouseholdImporter importer) : HouseholdImportService.HouseholdImportServiceBase
{
    /// <summary>
    /// The county is accountable for its households (县审定), so its officers import their own;
    /// city and provincial officers may migrate their whole region at once. Operators run the
    /// platform without personal data, so they may not upload it.
    /// </summary>
    [Allow(Roles.CountyOfficer | Roles.CityOfficer | Roles.ProvincialOfficer, "import households")]
    public override async Task<ImportHouseholdsResponse> ImportHouseholds(IAsyncStreamReader<ImportHouseholdsRequest> requestStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.UploadCase != ImportHouseholdsRequest.UploadOneofCase.Header)
        {
            throw RpcErrors.InvalidArgument("header", "the first message must be the batch header");
        }

        var header = requestStream.Current.Header;
        var violations = new FieldViolations();
        ImportRules.ValidateHeader(header, violations);
        violations.ThrowIfAny();

        var outcome = await importer.ImportAsync(caller, header, Households(requestStream, context.CancellationToken), context.AccessPurpose(), context.CancellationToken);
        return outcome.Response;
    }

    private static async IAsyncEnumerable<ImportedHousehold> Households(IAsyncStreamReader<ImportHouseholdsRequest> stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
            if (stream.Current.UploadCase != ImportHouseholdsRequest.UploadOneofCase.Households)
            {
                throw RpcErrors.InvalidArgument("households", "every message after the header must carry households");
            }

            foreach (var household in stream.Current.Households.Households)
            {
                yield return household;
            }
        }
    }
}
