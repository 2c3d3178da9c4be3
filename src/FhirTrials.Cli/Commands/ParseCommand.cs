using System.CommandLine;
using System.Text.Json;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Cli.Commands;

/// <summary><c>fhirtrials parse</c>: reads FHIR JSON files and reports every structural problem with its line and column.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FHIR JSON files or folders", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Output();
        var command = new Command("parse", "Read FHIR JSON resources and report malformed JSON, unknown elements, wrong JSON types and bad primitive values")
        {
            files,
            output,
        };
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(output)));
        return command;
    }

    private static int Run(string[] paths, OutputFormat format)
    {
        var inputs = InputFiles.Expand(paths, [".json"], out var missing);
        foreach (var path in missing)
        {
            Terminal.WriteError($"{path}: no such file or folder");
        }

        var parser = new FhirJsonParser(FhirJsonParserSettings.LenientMode);
        var issues = new List<ParseIssue>();
        foreach (var file in inputs)
        {
            try
            {
                issues.AddRange(parser.Parse(File.ReadAllBytes(file), file).Issues);
            }
            catch (IOException ex)
            {
                Terminal.WriteError($"{file}: {ex.Message}");
                return ExitCodes.UsageOrIo;
            }
        }

        if (format == OutputFormat.Json)
        {
            using var json = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
            json.WriteStartArray();
            foreach (var issue in issues)
            {
                json.WriteStartObject();
                json.WriteString("file", issue.SourceName);
                json.WriteNumber("line", issue.Position?.Line ?? 0);
                json.WriteNumber("column", issue.Position?.Column ?? 0);
                json.WriteString("severity", issue.Severity.ToString().ToLowerInvariant());
                json.WriteString("expression", issue.Location);
                json.WriteString("message", issue.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            foreach (var issue in issues)
            {
                Console.WriteLine(issue.ToString());
            }

            Console.Error.WriteLine($"{inputs.Count} files, {issues.Count} issues");
        }

        return missing.Count > 0 ? ExitCodes.UsageOrIo : issues.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
