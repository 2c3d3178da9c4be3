using System.CommandLine;

namespace FhirTrials.Cli.Infrastructure;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Output() => new("--output", "-o")
    {
        Description = "Output format: text for people, json for programs",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static Option<string[]> Packages() => new("--package")
    {
        Description = "Extra FHIR package (folder or .tgz) to load definitions from; repeatable",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
