namespace Platform.Employment.Assets;

/// <summary>Configuration section <c>Employment:Assets</c>.</summary>
public sealed class AssetIncomeOptions
{
    public const string Section = "Employment:Assets";

    /// <summary>
    /// Households paid per transaction in a dividend run: each chunk commits its payments, their
    /// DividendPaid events and the run's cursor together, so a crash loses at most the open chunk.
    /// </summary>
    public int DividendChunkSize { get; set; } = 5_000;
}
