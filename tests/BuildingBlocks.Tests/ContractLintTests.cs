using System.Diagnostics;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// The gRPC contracts pass `buf lint` with the committed protos/buf.yaml, and break nothing of the
/// released v1 (protos/released/v1.binpb, checked with the FILE rules of buf.yaml).
/// </summary>
public sealed class ContractLintTests
{
    /// <summary>The descriptor image of the contracts as released; a change that breaks it fails the test run.</summary>
    private const string ReleasedV1 = "released/v1.binpb";

    [Fact]
    public async Task Protos_pass_buf_lint()
    {
        var protos = Path.Combine(RepositoryRoot(), "protos");

        var (exitCode, output) = await RunAsync(await BufAsync(protos), "lint", protos);

        Assert.True(exitCode == 0, $"buf lint found problems:\n{output}");
    }

    [Fact]
    public async Task Protos_break_nothing_of_the_released_v1()
    {
        var protos = Path.Combine(RepositoryRoot(), "protos");

        var (exitCode, output) = await RunAsync(await BufAsync(protos), $"breaking --against {ReleasedV1}", protos);

        Assert.True(exitCode == 0, $"buf breaking: these changes break the released v1 contracts; add a v2 package beside v1 instead (README, \"Contracts\"):\n{output}");
    }

    [Fact]
    public async Task The_gate_refuses_a_renumbered_field()
    {
        // A copy of the contracts with one field renumbered must fail the same check: the gate can fail.
        var protos = Path.Combine(RepositoryRoot(), "protos");
        var copy = Directory.CreateTempSubdirectory("pa-protos-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(protos, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".proto", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".binpb", StringComparison.Ordinal))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(protos, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var identity = Path.Combine(copy, "identity", "v1", "identity.proto");
            File.WriteAllText(identity, File.ReadAllText(identity).Replace("  string client_id = 1;\n", "  string client_id = 99;\n", StringComparison.Ordinal));

            var (exitCode, output) = await RunAsync(await BufAsync(protos), $"breaking --against {ReleasedV1}", copy);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("client_id", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>buf from the npm package @bufbuild/buf pinned in protos/package-lock.json, installed when missing.</summary>
    private static async Task<string> BufAsync(string protos)
    {
        var buf = Path.Combine(protos, "node_modules", ".bin", "buf");
        if (!File.Exists(buf))
        {
            var (installed, installOutput) = await RunAsync("npm", "ci --no-audit --no-fund", protos);
            Assert.True(installed == 0, $"npm ci in protos/ failed:\n{installOutput}");
        }

        return buf;
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
