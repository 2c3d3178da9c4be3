using Spectre.Console;

namespace FhirTrials.Cli.Infrastructure;

/// <summary>
/// Where output goes: progress and colour only on an interactive terminal; plain, quiet,
/// machine-readable output when piped.
/// </summary>
public static class Terminal
{
    /// <summary>True when stdout and stderr are a terminal (so progress bars make sense).</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>A console for diagnostics and progress on stderr, keeping stdout clean for results.</summary>
    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = InteractionSupport.Detect,
    });

    /// <summary>Writes a one-line error to stderr (never a stack trace).</summary>
    public static void WriteError(string message) => Console.Error.WriteLine("fhirtrials: " + message);

    /// <summary>
    /// Runs <paramref name="work"/> over <paramref name="items"/> with a progress bar on a terminal and
    /// silently otherwise.
    /// </summary>
    public static async Task ForEachWithProgressAsync<T>(IReadOnlyList<T> items, string description, Func<T, Task> work)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        if (!IsInteractive || items.Count < 2)
        {
            foreach (var item in items)
            {
                await work(item).ConfigureAwait(false);
            }

            return;
        }

        await Error.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var task = ctx.AddTask(description, maxValue: items.Count);
            foreach (var item in items)
            {
                await work(item).ConfigureAwait(false);
                task.Increment(1);
            }
        }).ConfigureAwait(false);
    }
}
