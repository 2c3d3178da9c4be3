using System.CommandLine;
using System.Text;
using System.Text.Json;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;
using FhirTrials.Fhir.Serialization;
using FhirTrials.FhirPath;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials fhirpath '&lt;expression&gt;' --resource file.json</c>: evaluates a FHIRPath expression and
/// prints the result as a JSON array of <c>{"type", "value"}</c> items. Types are FHIR type names for
/// tree nodes (<c>date</c>, <c>HumanName</c>, <c>Patient</c>) and namespace-qualified System types for
/// computed values (<c>System.Boolean</c>, <c>System.String</c>), as <c>type()</c> reports them; values
/// are JSON (complex types as their FHIR JSON).
/// </summary>
public static class FhirPathCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("expression") { Description = "The FHIRPath expression" };
        var resource = new Option<string?>("--resource", "-r") { Description = "The FHIR JSON resource to evaluate on (default: an empty input)" };
        var variables = new Option<string[]>("--variable", "-v")
        {
            Description = "A variable as name=value, available as %name (a string); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var packages = CommonOptions.Packages();
        var output = CommonOptions.Output();
        var command = new Command("fhirpath", "Evaluate a FHIRPath expression on a resource and print the result as JSON [{\"type\", \"value\"}]")
        {
            expression,
            resource,
            variables,
            packages,
            output,
        };
        command.SetAction(result => Run(
            new Request(result.GetValue(expression)!, result.GetValue(resource), result.GetValue(variables) ?? [], result.GetValue(packages) ?? [], result.GetValue(output)),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Runs the command, writing results to <paramref name="stdout"/> and one-line errors to <paramref name="stderr"/>; returns the exit code.</summary>
    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var error = (string message) => stderr.WriteLine("fhirtrials: fhirpath: " + message);
        if (!TryLoad(request, error, out var focus, out var context))
        {
            return ExitCodes.UsageOrIo;
        }

        IReadOnlyList<FhirPathItem> result;
        try
        {
            var compiled = FhirPathCompiler.Default.Compile(request.Expression);
            result = focus is null ? compiled.Evaluate([], context) : compiled.Evaluate(focus, context);
        }
        catch (FhirPathException ex)
        {
            error(ex.Describe());
            return ExitCodes.Findings;
        }

        stdout.WriteLine(ToJson(result, indented: request.Output == OutputFormat.Text));
        return ExitCodes.Ok;
    }

    /// <summary>The result as a JSON array of <c>{"type", "value"}</c> objects.</summary>
    public static string ToJson(IReadOnlyList<FhirPathItem> items, bool indented)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(indented)))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                item.WriteTo(json);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool TryLoad(Request request, Action<string> error, out ElementNode? focus, out EvaluationContext context)
    {
        focus = null;
        context = new EvaluationContext();
        IResourceResolver resolver = R4Definitions.Resolver;
        try
        {
            if (request.Packages.Count > 0)
            {
                resolver = R4Definitions.CreateResolver(request.Packages.Select(FhirPackage.Load));
            }

            if (request.ResourcePath is { } path)
            {
                if (!File.Exists(path))
                {
                    error($"{path}: no such file");
                    return false;
                }

                var parsed = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(File.ReadAllBytes(path), path);
                if (parsed.Root is null)
                {
                    error(parsed.Issues.Count > 0 ? parsed.Issues[0].ToString() : $"{path}: not a FHIR resource");
                    return false;
                }

                focus = parsed.Root;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PackageException)
        {
            error(ex.Message);
            return false;
        }

        context = new EvaluationContext { Resolver = resolver };
        foreach (var variable in request.Variables)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error($"--variable '{variable}': expected name=value");
                return false;
            }

            context.SetVariable(variable[..equals], variable[(equals + 1)..]);
        }

        return true;
    }

    /// <summary>The command's inputs.</summary>
    public sealed record Request(string Expression, string? ResourcePath, IReadOnlyList<string> Variables, IReadOnlyList<string> Packages, OutputFormat Output);
}
