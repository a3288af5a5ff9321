using Platform.ServiceDefaults;

namespace Platform.Relocation;

/// <summary>Required text of the relocation calls: the contract bounds its length, but spaces alone say nothing.</summary>
public static class TextFields
{
    /// <summary>The text trimmed, after adding a violation for <paramref name="field"/> when nothing is left.</summary>
    public static string NotBlank(string value, FieldViolations violations, string field)
    {
        var text = value.Trim();
        violations.Check(text.Length > 0, field, "must not be blank");
        return text;
    }
}
