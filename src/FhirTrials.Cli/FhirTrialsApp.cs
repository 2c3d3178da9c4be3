using System.CommandLine;
using System.CommandLine.Invocation;
using FhirTrials.Cli.Commands;
using FhirTrials.Cli.Infrastructure;

namespace FhirTrials.Cli;

/// <summary>Builds the <c>fhirtrials</c> command tree and runs it.</summary>
public static class FhirTrialsApp
{
    /// <summary>
    /// How long a command may take to stop after Ctrl+C or SIGTERM before the process ends anyway: long enough
    /// for the sync's shutdown grace (Sync:ShutdownGrace, 20 s by default) to confirm the chunk in flight.
    /// </summary>
    public static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Creates the root command with every sub-command registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("FhirTrials: publish clinical-trial records as FHIR R4.")
        {
            ParseCommand.Create(),
            FhirPathCommand.Create(),
            MapCommand.Create(),
            MatchCommand.Create(),
            ValidateCommand.Create(),
            ServeCommand.Create(),
            SyncCommand.Create(),
            WorkerCommand.Create(),
            RunCommand.Create(),
            PullCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the selected command.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>
    /// Parses <paramref name="args"/> and runs the selected command until it ends or <paramref name="cancellationToken"/>
    /// (like Ctrl+C) stops it. Parse errors (an unknown option, a missing argument) are one line each and exit 2.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var result = CreateRootCommand().Parse(args);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            foreach (var error in result.Errors)
            {
                Terminal.WriteError(string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }

            var path = string.Join(' ', result.CommandResult.Command is RootCommand ? [] : new[] { result.CommandResult.Command.Name });
            Console.Error.WriteLine($"Run 'fhirtrials {(path.Length > 0 ? path + " " : string.Empty)}--help' for usage.");
            return Task.FromResult(ExitCodes.UsageOrIo);
        }

        return result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TerminationTimeout }, cancellationToken);
    }
}
