using System.Runtime.InteropServices;

namespace Platform.LocalServers;

/// <summary>POSIX signals .NET has no API for (Process.Kill sends only SIGKILL).</summary>
public static partial class Signals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT to <paramref name="pid"/>; false when no such process could be signalled.</summary>
    public static bool Interrupt(int pid) => Kill(pid, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
