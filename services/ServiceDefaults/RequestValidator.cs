using Buf.Validate;
using Google.Protobuf;
using ProtoValidate;

namespace Platform.ServiceDefaults;

/// <summary>
/// Checks a request against the field rules declared in its contract (protovalidate
/// annotations) and against <see cref="UnsafeCharacters"/>. One instance serves the process:
/// the validator compiles each message type's rules (CEL) once, on first use, and keeps them.
/// </summary>
public sealed class RequestValidator
{
    /// <summary>The process's one validator, also for rule classes that check items of a stream one by one.</summary>
    public static RequestValidator Shared { get; } = new();

    private readonly Validator _validator = new(new ValidatorOptions());

    public FieldViolations Check(IMessage message) => Check(message, new FieldViolations());

    /// <summary>Adds the message's violations, with paths from the message's own fields.</summary>
    public FieldViolations Check(IMessage message, FieldViolations violations)
    {
        foreach (var violation in _validator.Validate(message, failFast: false).Violations)
        {
            violations.Add(FieldName(violation), Describe(violation));
        }

        UnsafeCharacters.Check(message, violations);
        return violations;
    }

    /// <summary>The path as the handlers have always written it: proto names, "members[0].name".</summary>
    public static string FieldName(Violation violation)
    {
        var path = new System.Text.StringBuilder();
        foreach (var element in violation.Field?.Elements ?? [])
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(element.FieldName);
            path.Append(element.SubscriptCase switch
            {
                FieldPathElement.SubscriptOneofCase.Index => $"[{element.Index}]",
                FieldPathElement.SubscriptOneofCase.IntKey => $"[{element.IntKey}]",
                FieldPathElement.SubscriptOneofCase.UintKey => $"[{element.UintKey}]",
                FieldPathElement.SubscriptOneofCase.BoolKey => element.BoolKey ? "[true]" : "[false]",
                FieldPathElement.SubscriptOneofCase.StringKey => $"[\"{element.StringKey}\"]",
                _ => "",
            });
        }

        // A message-level rule names no field; its rule id says which rule it was.
        return path.Length > 0 ? path.ToString() : violation.RuleId;
    }

    /// <summary>protovalidate says "value must …"; the field name already says which value.</summary>
    private static string Describe(Violation violation) =>
        violation.Message.StartsWith("value ", StringComparison.Ordinal) ? violation.Message["value ".Length..] : violation.Message;
}
