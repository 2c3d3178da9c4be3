using System.CommandLine;
using System.Globalization;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Eligibility.Matching;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials match</c>: pre-screens a patient Bundle against a study's eligibility Group (from the
/// study's transaction Bundle). Exit 0 eligible, 1 ineligible or needs review, 2 usage or I/O errors.
/// </summary>
public static class MatchCommand
{
    /// <summary>Whether text output uses ✔/✘ (tests set it; by default only on a terminal).</summary>
    internal static Func<bool> UnicodeMarkers { get; set; } = () => !Console.IsOutputRedirected;

    public static Command Create()
    {
        // Checked in Run rather than by the parser, so that a missing option exits 2 (usage), never 1 (a verdict).
        var study = new Option<string?>("--study") { Description = "Required: the study's transaction Bundle (as 'fhirtrials map' writes it)" };
        var patient = new Option<string?>("--patient") { Description = "Required: the patient Bundle with Patient, Observations, Conditions, medications, Procedures" };
        var output = CommonOptions.Output();
        var date = new Option<string?>("--date") { Description = "Evaluation date (yyyy-mm-dd); today when absent" };
        var command = new Command("match", "Pre-screen a patient against a study's eligibility criteria: each criterion met, not met or unknown, with evidence")
        {
            study, patient, output, date,
        };
        command.SetAction(result => Run(result.GetValue(study), result.GetValue(patient), result.GetValue(output), result.GetValue(date)));
        return command;
    }

    private static int Run(string? studyPath, string? patientPath, OutputFormat format, string? dateText)
    {
        if (studyPath is null || patientPath is null)
        {
            Terminal.WriteError($"match needs {(studyPath is null ? "--study <bundle>" : "--patient <bundle>")} (see fhirtrials match --help)");
            return ExitCodes.UsageOrIo;
        }

        var options = MatchOptions.Default;
        if (dateText is not null)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Terminal.WriteError($"--date '{dateText}' is not a date (yyyy-mm-dd)");
                return ExitCodes.UsageOrIo;
            }

            options = options with { EvaluationDate = date };
        }

        if (ReadBundle(studyPath) is not { } studyBundle || ReadBundle(patientPath) is not { } patientBundle)
        {
            return ExitCodes.UsageOrIo;
        }

        Group group;
        try
        {
            group = StudyBundles.FindEligibilityGroup(studyBundle);
        }
        catch (InvalidOperationException exception)
        {
            Terminal.WriteError($"{studyPath}: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }

        var result = EligibilityMatcher.Default.Match(group, patientBundle, options);
        if (format == OutputFormat.Json)
        {
            Console.Out.Write(FhirJsonSerializer.Serialize(result.ToParameters(), indented: true));
            Console.Out.WriteLine();
        }
        else
        {
            WriteText(result, UnicodeMarkers());
        }

        return result.Outcome == StudyOutcome.Eligible ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>The Bundle in <paramref name="path"/>, or null after a one-line error (missing file, unreadable or invalid FHIR JSON with line:col).</summary>
    private static Bundle? ReadBundle(string path)
    {
        try
        {
            return FhirJsonParser.Parse<Bundle>(File.ReadAllBytes(path), path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            Terminal.WriteError($"{path}: no such file");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Terminal.WriteError($"{path}: {exception.Message}");
        }
        catch (FhirParseException exception)
        {
            Terminal.WriteError(exception.Issue.SourceName is null ? $"{path}: {exception.Message}" : exception.Message);
        }

        return null;
    }

    private static void WriteText(MatchResult result, bool unicode)
    {
        var satisfied = result.Criteria.Where(c => c.AlternativesOf is not null && c.Outcome == CriterionOutcome.Met).Select(c => c.AlternativesOf).ToHashSet();
        foreach (var criterion in result.Criteria)
        {
            var marker = criterion.SupportsEligibility switch
            {
                _ when criterion.Outcome != CriterionOutcome.Met && satisfied.Contains(criterion.AlternativesOf) => unicode ? "·" : "-",
                true => unicode ? "✔" : "+",
                false => unicode ? "✘" : "x",
                null => "?",
            };
            var outcome = criterion.Outcome switch
            {
                CriterionOutcome.Met => "met",
                CriterionOutcome.NotMet => "not met",
                _ => "unknown (" + Wire.Code(criterion.Reason) + ")",
            };
            var because = criterion.Evidence.Count > 0
                ? string.Join("; ", criterion.Evidence.Select(e => e.Summary))
                : criterion.Messages.FirstOrDefault() ?? string.Empty;
            var kind = criterion.Exclude && criterion.ItemId?.StartsWith("inclusion", StringComparison.Ordinal) == true ? "(negated) " : string.Empty;
            var label = (criterion.ItemId ?? "registry") + (criterion.AlternativesOf is null ? string.Empty : ", alternative");
            Console.Out.WriteLine($"{marker}  [{label}] {kind}{OneLine(criterion.Text)} — {outcome}{(because.Length > 0 ? ": " + OneLine(because) : string.Empty)}");
        }

        var verdict = result.Outcome switch
        {
            StudyOutcome.Eligible => "ELIGIBLE",
            StudyOutcome.Ineligible => "INELIGIBLE",
            _ => "NEEDS REVIEW",
        };
        Console.Out.WriteLine($"{verdict} ({result.Patient ?? "patient"} for {result.Group ?? "the study"}, evaluated {result.EvaluationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
        foreach (var message in result.Messages)
        {
            Console.Out.WriteLine("  " + message);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
