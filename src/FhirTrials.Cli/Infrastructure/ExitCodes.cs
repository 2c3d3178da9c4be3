namespace FhirTrials.Cli.Infrastructure;

/// <summary>The exit codes every fhirtrials command uses.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked and nothing was found.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found problems (invalid resources, failed records, a FHIRPath error).</summary>
    public const int Findings = 1;

    /// <summary>Wrong usage, or input/output failed (a missing file, an unreachable server).</summary>
    public const int UsageOrIo = 2;
}
