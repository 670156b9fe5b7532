using System.Diagnostics;
using System.Globalization;

namespace JourneyBot.Bench.Load.Processes;

/// <summary>
/// What Linux knows of a process: CPU time from <c>/proc/{pid}/stat</c> (user + system, in clock
/// ticks) and memory from <c>/proc/{pid}/status</c> (<c>VmRSS</c> now, <c>VmHWM</c> the peak).
/// </summary>
internal static class ProcStats
{
    private static readonly long ClockTicksPerSecond = ReadClockTicks();

    /// <summary>CPU time the process has used so far (user + system), in milliseconds; NaN once it is gone.</summary>
    public static double CpuMs(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return double.NaN;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        // Fields after it start at 3 (state); utime is field 14 and stime field 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    /// <summary>The resident set size now, in MB.</summary>
    public static double RssMb(int pid) => StatusMb(pid, "VmRSS:");

    /// <summary>The highest resident set size the process has had (its high-water mark), in MB.</summary>
    public static double PeakRssMb(int pid) => StatusMb(pid, "VmHWM:");

    private static double StatusMb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return double.NaN;
    }

    // Clock ticks are 100 a second on every common Linux, but getconf knows for sure.
    private static long ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = getconf?.StandardOutput.ReadToEnd().Trim();
            getconf?.WaitForExit();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
