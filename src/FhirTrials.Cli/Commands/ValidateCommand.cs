using System.CommandLine;
using System.Globalization;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Validation;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials validate</c>: validates FHIR JSON resources (files, folders, Bundles, NDJSON) against
/// their base definitions, their <c>meta.profile</c>s (or <c>--profile</c>) and any <c>--package</c>,
/// as the HL7 validator does. Text: one line per issue and a summary; JSON: an OperationOutcome per input.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FHIR JSON files, folders, Bundles or .ndjson files", Arity = ArgumentArity.OneOrMore };
        var profiles = new Option<string[]>("--profile")
        {
            Description = "Validate against this profile (canonical URL) instead of meta.profile; repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var packages = CommonOptions.Packages();
        var output = CommonOptions.Output();
        var command = new Command("validate", "Validate FHIR resources against StructureDefinitions (base, meta.profile, --profile) and report an OperationOutcome")
        {
            files,
            profiles,
            packages,
            output,
        };
        command.SetAction((result, cancellation) => RunAsync(result.GetValue(files)!, result.GetValue(profiles) ?? [], result.GetValue(packages) ?? [], result.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string[] profiles, string[] packagePaths, OutputFormat format)
    {
        if (CreateValidator(packagePaths, profiles) is not { } validator)
        {
            return ExitCodes.UsageOrIo;
        }

        var inputs = InputFiles.Expand(paths, [".json", ".ndjson"], out var missing);
        foreach (var path in missing)
        {
            Terminal.WriteError($"{path}: no such file or folder");
        }

        var results = new List<ValidationResult>();
        var ioFailed = false;
        await Terminal.ForEachWithProgressAsync(inputs, "Validating", file =>
        {
            try
            {
                results.AddRange(ValidateFile(validator, file, profiles.Length > 0 ? profiles : null));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Terminal.WriteError($"{file}: {ex.Message}");
                ioFailed = true;
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false);

        Write(results, format);
        return missing.Count > 0 || ioFailed ? ExitCodes.UsageOrIo
            : results.Any(r => !r.IsValid) ? ExitCodes.Findings
            : ExitCodes.Ok;
    }

    /// <summary>The validator over the user's packages; null (after a one-line error) when a package or profile cannot be used.</summary>
    private static FhirValidator? CreateValidator(string[] packagePaths, string[] profiles)
    {
        var packages = new List<FhirPackage>();
        foreach (var path in packagePaths)
        {
            try
            {
                packages.Add(FhirPackage.Load(path));
            }
            catch (PackageException ex)
            {
                Terminal.WriteError(ex.Message);
                return null;
            }
        }

        var validator = new FhirValidator(new ValidatorSettings { Packages = packages });
        foreach (var profile in profiles)
        {
            if (validator.Resolver.ResolveNode(profile) is not { Type.Name: "StructureDefinition" })
            {
                Terminal.WriteError($"--profile {profile}: no StructureDefinition with this canonical in R4, the FhirTrials profiles or the given packages");
                return null;
            }
        }

        return validator;
    }

    /// <summary>One result per resource: the file, or each line of an NDJSON file (its issues on that line).</summary>
    private static IEnumerable<ValidationResult> ValidateFile(FhirValidator validator, string file, IReadOnlyList<string>? profiles)
    {
        var bytes = File.ReadAllBytes(file);
        if (!file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return [validator.ValidateJson(bytes, file, profiles)];
        }

        var results = new List<ValidationResult>();
        var start = 0;
        var line = 0;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            var text = bytes.AsMemory(start, end - start);
            if (!text.Span.Trim(" \t\r"u8).IsEmpty)
            {
                results.Add(OnLine(validator.ValidateJson(text, file, profiles), line));
            }

            start = end + 1;
        }

        return results;
    }

    /// <summary>Moves a resource's issues to its line of the NDJSON file.</summary>
    private static ValidationResult OnLine(ValidationResult result, int line) =>
        new([.. result.Issues.Select(i => i with { Position = new SourcePosition(line, i.Position?.Column ?? 1) })], result.SourceName);

    private static void Write(List<ValidationResult> results, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            var resource = results.Count == 1 ? (Fhir.Model.Resource)results[0].ToOperationOutcome() : OutcomeWriter.ToBundle(results);
            Console.Out.WriteLine(FhirJsonSerializer.Serialize(resource, indented: true));
        }
        else
        {
            foreach (var issue in results.SelectMany(r => r.Issues))
            {
                Console.Out.WriteLine(issue.ToString());
            }
        }

        var errors = results.Sum(r => r.ErrorCount);
        var warnings = results.Sum(r => r.WarningCount);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Count} resources, {errors} errors, {warnings} warnings"));
    }
}
