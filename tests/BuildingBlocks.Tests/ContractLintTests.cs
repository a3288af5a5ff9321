using System.Diagnostics;

namespace Platform.BuildingBlocks.Tests;

/// <summary>The gRPC contracts pass `buf lint` with the committed protos/buf.yaml.</summary>
public sealed class ContractLintTests
{
    [Fact]
    public async Task Protos_pass_buf_lint()
    {
        var protos = Path.Combine(RepositoryRoot(), "protos");
        var buf = Path.Combine(protos, "node_modules", ".bin", "buf");
        if (!File.Exists(buf))
        {
            // buf comes from the npm package @bufbuild/buf pinned in protos/package-lock.json.
            var (installed, installOutput) = await RunAsync("npm", "ci --no-audit --no-fund", protos);
            Assert.True(installed == 0, $"npm ci in protos/ failed:\n{installOutput}");
        }

        var (exitCode, output) = await RunAsync(buf, "lint", protos);

        Assert.True(exitCode == 0, $"buf lint found problems:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test assembly.");
    }
}
