namespace Platform.Security;

/// <summary>How platform tokens are validated. The signing key is a base64 HMAC-SHA256 key (≥ 32 bytes).</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "pa-platform";

    public string Audience { get; set; } = "pa-platform";

    public string SigningKey { get; set; } = "";

    public byte[] SigningKeyBytes()
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            bytes = [];
        }

        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException($"{Section}:SigningKey must be a base64 key of at least 32 bytes.");
    }
}
