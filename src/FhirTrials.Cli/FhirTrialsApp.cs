using System.CommandLine;
using FhirTrials.Cli.Commands;

namespace FhirTrials.Cli;

/// <summary>Builds the <c>fhirtrials</c> command tree and runs it.</summary>
public static class FhirTrialsApp
{
    /// <summary>Creates the root command with every sub-command registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("FhirTrials: publish clinical-trial records as FHIR R4.")
        {
            ParseCommand.Create(),
            FhirPathCommand.Create(),
            MapCommand.Create(),
            ValidateCommand.Create(),
            ServeCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the selected command.</summary>
    public static Task<int> RunAsync(string[] args) => CreateRootCommand().Parse(args).InvokeAsync();
}
