using System.Collections;
using System.Collections.Concurrent;
using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.ServiceDefaults;

/// <summary>
/// Refuses characters that let a stored string lie about itself: control characters (they end
/// log lines, ring terminals and hide text after NUL in C tools), bidi overrides and isolates
/// (U+202E makes "gpj.exe" read as "exe.jpg") and zero-width characters (two names that look the
/// same but are different records). protovalidate has no rule for this that every string field
/// would carry, so it is applied to every string of every request by walking the message.
/// Tab, line feed and carriage return are allowed because free-text fields (reasons, notes)
/// hold paragraphs; single-line fields such as names and addresses refuse them in the contract.
/// </summary>
public static class UnsafeCharacters
{
    /// <summary>The first refused character in <paramref name="value"/>, or null.</summary>
    public static char? Find(string value)
    {
        foreach (var c in value)
        {
            if (IsRefused(c))
            {
                return c;
            }
        }

        return null;
    }

    public static bool IsRefused(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < '\u0020' => true,                      // C0 controls: NUL, BEL, ESC, ...
        >= '\u007F' and <= '\u009F' => true,     // DEL and the C1 controls
        >= '\u200B' and <= '\u200F' => true,     // zero-width space, joiners, LRM/RLM marks
        >= '\u202A' and <= '\u202E' => true,     // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,     // bidi isolates
        '\uFEFF' => true,                        // zero-width no-break space (BOM)
        _ => false,
    };

    /// <summary>Adds a violation for every string field, at any depth, holding a refused character.</summary>
    public static void Check(IMessage message, FieldViolations violations) => Walk(message, "", violations);

    private static void Walk(IMessage message, string prefix, FieldViolations violations)
    {
        foreach (var field in Walked.GetOrAdd(message.Descriptor, WalkedFields))
        {

            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var entryPath = $"{path}[\"{entry.Key}\"]";
                    CheckValue(entry.Key, entryPath, violations);
                    CheckValue(entry.Value, entryPath, violations);
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (IList)value)
                {
                    CheckValue(item, $"{path}[{i++}]", violations);
                }
            }
            else
            {
                CheckValue(value, path, violations);
            }
        }
    }

    /// <summary>Reading a field's options parses them; done once per message type, not per call.</summary>
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> Walked = new();

    private static FieldDescriptor[] WalkedFields(MessageDescriptor descriptor) => descriptor.Fields.InFieldNumberOrder()
        .Where(f => f.FieldType is FieldType.String or FieldType.Message && !IgnoredByContract(f))
        .ToArray();

    /// <summary>
    /// A field the contract marks IGNORE_ALWAYS is checked by its handler item by item (an import
    /// reports a bad household by position instead of failing the stream), so it is skipped here too.
    /// </summary>
    private static bool IgnoredByContract(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(ValidateExtensions.Field)?.Ignore == Ignore.Always;

    private static void CheckValue(object? value, string path, FieldViolations violations)
    {
        switch (value)
        {
            case string text when Find(text) is { } c:
                violations.Add(path, $"must not contain the control, bidirectional or zero-width character U+{(int)c:X4}");
                break;
            case IMessage nested:
                Walk(nested, path + ".", violations);
                break;
        }
    }
}
