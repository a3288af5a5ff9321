using System.Collections;
using System.Text.RegularExpressions;
using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// For a request type, one malformed request per field rule its contract declares: read from the
/// protovalidate options of each field (nested and repeated messages included), never from a hand
/// list, so a rule added to a .proto tomorrow is probed without anyone writing its test.
/// </summary>
public static class RuleProbes
{
    /// <summary>One probe: what it breaks, the field path the answer must name, and how to break it.</summary>
    public sealed record Probe(string Rule, string Path, Action<IMessage> Break);

    private const int MaxDepth = 3;

    /// <summary>The probes of every field rule of <paramref name="type"/>, each applied to an empty request.</summary>
    public static IReadOnlyList<Probe> For(MessageDescriptor type) => Walk(type, "", 0).ToList();

    /// <summary>Probes relative to a message of <paramref name="type"/>: each breaks one rule of that message or of one nested in it.</summary>
    private static IEnumerable<Probe> Walk(MessageDescriptor type, string prefix, int depth)
    {
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (field.GetOptions()?.GetExtension(ValidateExtensions.Field) is { } rules)
            {
                foreach (var probe in ForField(field, rules, path))
                {
                    yield return probe;
                }
            }

            if (field.FieldType != FieldType.Message || field.IsMap || depth >= MaxDepth || IsWellKnown(field.MessageType))
            {
                continue;
            }

            // IGNORE_ALWAYS: the contract leaves this message's rules to the handler (a department batch's
            // rows, reported one by one by position), so the call itself must not refuse them.
            if (field.GetOptions()?.GetExtension(ValidateExtensions.Field) is { Ignore: Ignore.Always })
            {
                continue;
            }

            // Rules inside a nested message are reached by setting the message (or adding one item of a repeated one).
            var child = field.IsRepeated ? path + "[0]." : path + ".";
            foreach (var probe in Walk(field.MessageType, child, depth + 1))
            {
                yield return probe with { Break = m => probe.Break(NestedOf(m, field)) };
            }
        }
    }

    /// <summary>The nested message of <paramref name="field"/> in <paramref name="owner"/>: created, or the first item added.</summary>
    private static IMessage NestedOf(IMessage owner, FieldDescriptor field)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(owner);
            if (list.Count == 0)
            {
                list.Add(field.MessageType.Parser.ParseFrom(ByteString.Empty));
            }

            return (IMessage)list[0]!;
        }

        if (field.Accessor.GetValue(owner) is not IMessage nested)
        {
            nested = field.MessageType.Parser.ParseFrom(ByteString.Empty);
            field.Accessor.SetValue(owner, nested);
        }

        return nested;
    }

    private static IEnumerable<Probe> ForField(FieldDescriptor field, FieldRules rules, string path)
    {
        var ignoreZero = rules.Ignore == Ignore.IfZeroValue;
        if (rules.Required && !ignoreZero)
        {
            yield return new Probe("required", path, _ => { });
        }

        if (field.IsRepeated && rules.TypeCase == FieldRules.TypeOneofCase.Repeated)
        {
            foreach (var probe in ForRepeated(field, rules.Repeated, path))
            {
                yield return probe;
            }

            yield break;
        }

        foreach (var (rule, value) in BadValues(field, rules, ignoreZero))
        {
            yield return new Probe(rule, path, m => Set(m, field, value));
        }

        // A CEL rule on a message field (a Money bound, a Date's year): a CEL expression cannot be read
        // for its bounds, so of the extremes of each numeric field the probe keeps those the contract
        // itself refuses (checked locally); whether the service enforces them is what the walk tests.
        if (field.FieldType == FieldType.Message && rules.Cel.Count > 0)
        {
            foreach (var number in field.MessageType.Fields.InFieldNumberOrder().Where(f => f.FieldType is FieldType.Int64 or FieldType.Int32))
            {
                foreach (var extreme in new[] { Max(number), Min(number) })
                {
                    void Break(IMessage m)
                    {
                        var nested = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                        number.Accessor.SetValue(nested, extreme);
                        field.Accessor.SetValue(m, nested);
                    }

                    if (ContractRefuses(field, Break))
                    {
                        yield return new Probe($"{rules.Cel[0].Id} {number.Name}={extreme}", path, Break);
                    }
                }
            }
        }
    }

    /// <summary>Whether the contract's own rules, checked locally, refuse <paramref name="field"/> once broken this way.</summary>
    private static bool ContractRefuses(FieldDescriptor field, Action<IMessage> breakIt)
    {
        var owner = field.ContainingType.Parser.ParseFrom(ByteString.Empty);
        breakIt(owner);
        return RequestValidator.Shared.Check(owner).Items.Any(v => v.Field == field.Name || v.Field.StartsWith(field.Name + ".", StringComparison.Ordinal));
    }

    private static IEnumerable<Probe> ForRepeated(FieldDescriptor field, RepeatedRules rules, string path)
    {
        if (rules.HasMinItems && rules.MinItems > 0)
        {
            yield return new Probe($"min_items {rules.MinItems}", path, _ => { });
        }

        if (rules.HasMaxItems)
        {
            var count = (int)rules.MaxItems + 1;
            yield return new Probe($"max_items {rules.MaxItems}", path, m =>
            {
                var list = (IList)field.Accessor.GetValue(m);
                for (var i = 0; i < count; i++)
                {
                    list.Add(DefaultItem(field, i));
                }
            });
        }

        if (rules.Items is { } items)
        {
            foreach (var (rule, value) in BadValues(field, items, items.Ignore == Ignore.IfZeroValue))
            {
                yield return new Probe($"items {rule}", path + "[0]", m => ((IList)field.Accessor.GetValue(m)).Add(value));
            }
        }
    }

    /// <summary>Values that break one scalar rule each, with the rule they break.</summary>
    private static IEnumerable<(string Rule, object Value)> BadValues(FieldDescriptor field, FieldRules rules, bool ignoreZero)
    {
        switch (rules.TypeCase)
        {
            case FieldRules.TypeOneofCase.String:
                foreach (var bad in BadStrings(rules.String, ignoreZero))
                {
                    yield return bad;
                }

                break;
            case FieldRules.TypeOneofCase.Enum:
                var e = rules.Enum;
                if (e.DefinedOnly)
                {
                    yield return ("enum.defined_only", EnumValue(field, 9999));
                }

                if (e.NotIn.Count > 0 && !(ignoreZero && e.NotIn[0] == 0))
                {
                    yield return ($"enum.not_in {e.NotIn[0]}", EnumValue(field, e.NotIn[0]));
                }

                if (e.In.Count > 0)
                {
                    yield return ("enum.in", EnumValue(field, e.In.Max() + 1));
                }

                break;
            case FieldRules.TypeOneofCase.Bool or FieldRules.TypeOneofCase.Repeated or FieldRules.TypeOneofCase.Map or FieldRules.TypeOneofCase.None:
                break;
            default:
                foreach (var bad in BadNumbers(field, (IMessage)FieldRules.Descriptor.FindFieldByNumber((int)rules.TypeCase).Accessor.GetValue(rules)))
                {
                    yield return bad;
                }

                break;
        }
    }

    private static IEnumerable<(string, object)> BadStrings(StringRules s, bool ignoreZero)
    {
        if (s.HasMinLen && s.MinLen > 0 && !ignoreZero)
        {
            yield return ($"string.min_len {s.MinLen}", "");
        }

        if (s.HasMaxLen)
        {
            yield return ($"string.max_len {s.MaxLen}", new string('a', (int)s.MaxLen + 1));
        }

        if (s.HasLen)
        {
            yield return ($"string.len {s.Len}", new string('a', (int)s.Len + 1));
        }

        if (s.HasPattern)
        {
            var pattern = new Regex(s.Pattern);
            if (new[] { "!", "a", "0", "zz-zz" }.FirstOrDefault(c => !pattern.IsMatch(c)) is { } mismatch)
            {
                yield return ($"string.pattern {s.Pattern}", mismatch);
            }
        }

        if (s.Uuid)
        {
            yield return ("string.uuid", "not-a-uuid");
        }

        if (s.In.Count > 0)
        {
            yield return ("string.in", "zz-not-listed");
        }
    }

    /// <summary>Numeric rules (int32 … double) read by reflection, since each type has its own rules message.</summary>
    private static IEnumerable<(string, object)> BadNumbers(FieldDescriptor field, IMessage rules)
    {
        foreach (var bound in rules.Descriptor.Fields.InFieldNumberOrder())
        {
            if (bound.IsRepeated || bound.Name is not ("lt" or "lte" or "gt" or "gte" or "const") || !IsSet(rules, bound))
            {
                continue;
            }

            var limit = Convert.ToDecimal(bound.Accessor.GetValue(rules));
            var bad = bound.Name switch
            {
                "lte" or "const" => limit + 1,
                "lt" => limit,
                "gte" => limit - 1,
                _ => limit,
            };
            if (Fits(field, bad) is { } value)
            {
                yield return ($"{bound.Name} {limit}", value);
            }
        }
    }

    private static bool IsSet(IMessage message, FieldDescriptor field) =>
        field.ContainingOneof is { } oneof ? oneof.Accessor.GetCaseFieldDescriptor(message) == field : field.Accessor.HasValue(message);

    private static object? Fits(FieldDescriptor field, decimal value)
    {
        try
        {
            return field.FieldType switch
            {
                FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (object)decimal.ToInt32(value),
                FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => decimal.ToInt64(value),
                FieldType.UInt32 or FieldType.Fixed32 => decimal.ToUInt32(value),
                FieldType.UInt64 or FieldType.Fixed64 => decimal.ToUInt64(value),
                FieldType.Double => (double)value,
                FieldType.Float => (float)value,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static object Max(FieldDescriptor number) => number.FieldType == FieldType.Int64 ? long.MaxValue : (object)int.MaxValue;

    private static object Min(FieldDescriptor number) => number.FieldType == FieldType.Int64 ? long.MinValue : (object)int.MinValue;

    private static object EnumValue(FieldDescriptor field, int value) => Enum.ToObject(field.EnumType.ClrType, value);

    private static object DefaultItem(FieldDescriptor field, int i) => field.FieldType switch
    {
        FieldType.Message => field.MessageType.Parser.ParseFrom(ByteString.Empty),
        FieldType.String => $"item{i}",
        FieldType.Enum => EnumValue(field, 1),
        FieldType.Bool => false,
        _ => Fits(field, i)!,
    };

    private static void Set(IMessage owner, FieldDescriptor field, object value)
    {
        if (field.IsRepeated)
        {
            ((IList)field.Accessor.GetValue(owner)).Add(value);
        }
        else
        {
            field.Accessor.SetValue(owner, value);
        }
    }

    private static bool IsWellKnown(MessageDescriptor type) => type.File.Package == "google.protobuf";
}
