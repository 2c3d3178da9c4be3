using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; process CPU time elsewhere), so
/// per-core throughput can be measured on a machine other work is also using.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return time.Seconds + (time.Nanoseconds / 1e9);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // DllImport keeps the benchmark free of unsafe code; the call is not hot
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
