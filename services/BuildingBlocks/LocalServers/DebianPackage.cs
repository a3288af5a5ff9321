using System.Diagnostics;

namespace Platform.LocalServers;

/// <summary>Installs a Debian package when a local server needs it and runs small setup commands.</summary>
public static class DebianPackage
{
    /// <summary>
    /// Installs <paramref name="package"/> with apt-get unless <paramref name="installed"/> (needs root),
    /// refreshing the package lists and trying once more when the first install fails; reports each step.
    /// </summary>
    public static async Task EnsureInstalledAsync(string package, bool installed, Action<string> report, CancellationToken cancellationToken = default)
    {
        if (installed)
        {
            return;
        }

        report($"{package} is not installed: installing Debian's package (apt-get install -y {package})...");
        string[] install = ["install", "-y", "--no-install-recommends", package];
        if (await RunAsync("apt-get", install, report, cancellationToken) != 0)
        {
            report("apt-get install failed; refreshing the package lists (apt-get update) and trying again...");
            await RunAsync("apt-get", ["update"], report, cancellationToken);
            if (await RunAsync("apt-get", install, report, cancellationToken) != 0)
            {
                throw new InvalidOperationException($"Could not install {package}. Install it as root: apt-get install -y {package}");
            }
        }

        report($"{package} installed.");
    }

    /// <summary>Runs a command to its end without a terminal; reports its standard error when it fails. Answers its exit code.</summary>
    public static async Task<int> RunAsync(string file, IEnumerable<string> arguments, Action<string> report, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            report((await stderr).Trim());
        }

        return process.ExitCode;
    }
}
