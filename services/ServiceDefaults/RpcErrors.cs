using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Platform.ServiceDefaults;

/// <summary>
/// Collects every invalid field of a request, so a caller learns all of them at once.
/// Thrown as InvalidArgument with a google.rpc.BadRequest detail naming each field.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _violations;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>Adds a violation when <paramref name="valid"/> is false.</summary>
    public FieldViolations Check(bool valid, string field, string description) => valid ? this : Add(field, description);

    /// <summary>
    /// Required text: the contract bounds its length, but a value of spaces passes that and says
    /// nothing. Returns the text trimmed, after adding a violation when nothing is left.
    /// </summary>
    public string NotBlank(string value, string field)
    {
        var text = value.Trim();
        Check(text.Length > 0, field, "must not be blank");
        return text;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw RpcErrors.InvalidArgument(this);
        }
    }
}

public static class RpcErrors
{
    /// <summary>
    /// Answers a domain rule's refusal. The rule classes are pure and return the reason, or null when
    /// the change is allowed; a reason means the request is well-formed but the records' state does
    /// not allow it: FAILED_PRECONDITION. <paramref name="what"/> goes before a reason that is not a
    /// sentence of its own ("The project cannot move on").
    /// </summary>
    public static void ThrowIfRefused(string? reason, string? what = null)
    {
        if (reason is not null)
        {
            throw FailedPrecondition(what is null ? reason : $"{what}: {reason}.");
        }
    }

    public static RpcException InvalidArgument(FieldViolations violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Items);
        var fields = string.Join(", ", violations.Items.Select(v => v.Field).Distinct());
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Invalid request: {fields}.",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument(new FieldViolations().Add(field, description));

    /// <summary>Also the answer for records outside the caller's region: never reveal that they exist.</summary>
    public static RpcException NotFound(string what) => new(new Grpc.Core.Status(StatusCode.NotFound, $"{what} was not found."));

    public static RpcException AlreadyExists(string message) => new(new Grpc.Core.Status(StatusCode.AlreadyExists, message));

    public static RpcException FailedPrecondition(string message) => new(new Grpc.Core.Status(StatusCode.FailedPrecondition, message));

    public static RpcException PermissionDenied(string message) => new(new Grpc.Core.Status(StatusCode.PermissionDenied, message));

    /// <summary>Someone else changed the record first; the caller may read it again and retry.</summary>
    public static RpcException Aborted(string message) => new(new Grpc.Core.Status(StatusCode.Aborted, message));
}
