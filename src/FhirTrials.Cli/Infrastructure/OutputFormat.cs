namespace FhirTrials.Cli.Infrastructure;

/// <summary>Human-readable text, or machine-readable JSON.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
