namespace Platform.LocalServers;

/// <summary>
/// CPU time used so far by a process and every process below it, read from Linux's /proc (the
/// broker's start script runs the Erlang VM as a child, so the process alone would show nothing).
/// Benchmarks use it to say where the machine's time went.
/// </summary>
public static class ProcessTreeCpu
{
    public static TimeSpan Measure(int rootId)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        var children = new Dictionary<int, List<int>>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || !TryReadStat(pid, out var parent, out var used))
            {
                continue;
            }

            ticks[pid] = used;
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(pid);
        }

        long total = 0;
        var pending = new Stack<int>([rootId]);
        while (pending.TryPop(out var pid))
        {
            total += ticks.GetValueOrDefault(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Push(child);
            }
        }

        // /proc counts in clock ticks, 100 a second on Linux.
        return TimeSpan.FromMilliseconds(total * 10);
    }

    private static bool TryReadStat(int pid, out int parent, out long used)
    {
        (parent, used) = (0, 0);
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        // The name, in parentheses, may hold spaces: the fields are counted from its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        used = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
