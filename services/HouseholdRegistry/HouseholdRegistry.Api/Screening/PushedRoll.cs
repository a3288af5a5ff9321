using Grpc.Core;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// A roll pushed in one request, read as the stream import reads its messages (the header, then
/// each row), so both calls share one importer: the same checks, chunks, report and repeat.
/// </summary>
internal sealed class PushedRoll(PushAssistanceRollRequest request) : IAsyncStreamReader<ImportAssistanceRollRequest>
{
    // -1 is the header; 0.. are the rows.
    private int _next = -1;

    public ImportAssistanceRollRequest Current { get; private set; } = new();

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next >= request.Rows.Count)
        {
            return Task.FromResult(false);
        }

        Current = _next < 0 ? new ImportAssistanceRollRequest { Header = request.Header } : new ImportAssistanceRollRequest { Row = request.Rows[_next] };
        _next++;
        return Task.FromResult(true);
    }
}
