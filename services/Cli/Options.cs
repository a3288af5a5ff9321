namespace Platform.Cli;

/// <summary>"--name value" and "--flag" options after the command word.</summary>
public sealed class Options(IReadOnlyList<string> args)
{
    public string? Get(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == $"--{name}")
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public bool Has(string name) => args.Contains($"--{name}");
}
