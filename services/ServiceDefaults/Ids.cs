namespace Platform.ServiceDefaults;

/// <summary>
/// The one way every service reads a record id from a request: a UUID in its canonical
/// 8-4-4-4-12 text form (either case), never the all-zero UUID, which no record has. Anything else
/// is a field violation, so a bad id is INVALID_ARGUMENT in every service rather than NOT_FOUND in some.
/// </summary>
public static class Ids
{
    public const string Rule = "must be a record id: a UUID in 8-4-4-4-12 form, not all zeros";

    /// <summary>The id, or <see cref="Guid.Empty"/> after adding a violation for <paramref name="field"/>.</summary>
    public static Guid Require(string? text, FieldViolations violations, string field)
    {
        if (TryParse(text, out var id))
        {
            return id;
        }

        violations.Add(field, Rule);
        return Guid.Empty;
    }

    /// <summary>
    /// The id of a request whose only field check is this one: the contract has already refused a
    /// malformed id (RequestValidationInterceptor), so this guards the handler against a contract
    /// that forgot its rule, answering INVALID_ARGUMENT for <paramref name="field"/> all the same.
    /// </summary>
    public static Guid Require(string? text, string field) =>
        TryParse(text, out var id) ? id : throw RpcErrors.InvalidArgument(field, Rule);

    /// <summary>Null when the field is empty (not given); otherwise read as <see cref="Require"/> reads it.</summary>
    public static Guid? Optional(string? text, FieldViolations violations, string field) =>
        string.IsNullOrEmpty(text) ? null : Require(text, violations, field);

    /// <summary>The length check matters: .NET's exact parse still forgives surrounding spaces.</summary>
    public static bool TryParse(string? text, out Guid id)
    {
        id = Guid.Empty;
        return text is { Length: 36 } && Guid.TryParseExact(text, "D", out id) && id != Guid.Empty;
    }
}
