namespace Platform.Benchmarks.Assistance;

public sealed record BenchmarkOptions(int Households, int Batch, string? RegistryDatabase, string WorkDirectory)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        return new BenchmarkOptions(
            int.Parse(Value("households") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("batch") ?? "100000", System.Globalization.CultureInfo.InvariantCulture),
            Value("registry-database") is { } registry ? Path.GetFullPath(registry) : null,
            Path.GetFullPath(Value("work") ?? ".bench/assistance"));
    }
}
