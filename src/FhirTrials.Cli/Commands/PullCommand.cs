using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Client.Auth;
using FhirTrials.Sync.Pull;
using Spectre.Console;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials pull</c>: the hospital side: fetches the studies of a FHIR server (with what they reference)
/// into a folder, one collection Bundle or trial record per study; incremental after the first pull (see
/// <see cref="Puller"/>). Exit 0, 1 when some studies could not be written, 2 for usage or server errors.
/// </summary>
public static class PullCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The FHIR server's base URL, e.g. http://127.0.0.1:8080/fhir", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write <NCT id>.json files into (it also keeps the pull's high-water mark)", Required = true };
        var since = new Option<string?>("--since") { Description = "Only studies changed at or after this instant (e.g. 2026-01-31T00:00:00Z); default: since the last pull into --out" };
        var format = new Option<PullFormat>("--format") { Description = "bundle: one collection Bundle per study; records: one trial record per study", DefaultValueFactory = _ => PullFormat.Bundle };
        var apiKey = new Option<string?>("--api-key") { Description = "Bearer token for the server" };
        var report = CommonOptions.Output();
        var command = new Command("pull", "Pull ResearchStudy resources and what they reference from a FHIR server into a folder")
        {
            from, output, since, format, apiKey, report,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(from)!, result.GetValue(output)!, result.GetValue(since), result.GetValue(format), result.GetValue(apiKey), result.GetValue(report) == OutputFormat.Json || Console.IsOutputRedirected, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string from, string folder, string? sinceText, PullFormat format, string? apiKey, bool json, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(from, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            Terminal.WriteError($"--from '{from}' is not an absolute http or https URL");
            return ExitCodes.UsageOrIo;
        }

        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                Terminal.WriteError($"--since '{sinceText}' is not an instant (e.g. 2026-01-31T00:00:00Z)");
                return ExitCodes.UsageOrIo;
            }

            since = parsed;
        }

        var options = new FhirClientOptions
        {
            BaseUrl = baseUrl,
            Auth = apiKey is null ? new FhirAuthOptions() : new FhirAuthOptions { Mode = FhirAuthMode.Bearer, Token = apiKey },
            Retry = { MaxAttempts = 3 },
        };
        PullReport report;
        try
        {
            using var client = new FhirClient(options);
            var puller = new Puller(client);
            var pull = new PullOptions { OutputFolder = folder, Format = format, Since = since };
            report = Terminal.IsInteractive
                ? await Terminal.Error.Status().StartAsync("Pulling", context => puller.PullAsync(pull, new Progress<int>(n => context.Status($"Pulling: {n} studies")), cancellationToken))
                : await puller.PullAsync(pull, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is FhirClientException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Terminal.WriteError(ex.Message.ReplaceLineEndings(" "));
            return ExitCodes.UsageOrIo;
        }

        foreach (var failure in report.Failures)
        {
            Terminal.WriteError(failure);
        }

        WriteSummary(report, folder, json);
        return report.Failures.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WriteSummary(PullReport report, string folder, bool json)
    {
        var since = Instant(report.Since);
        if (!json)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Studies} studies ({report.Resources} resources) from {report.Server} {(since is null ? "(everything)" : "changed since " + since)} written to {Path.GetFullPath(folder)}; {report.Failures.Count} failed"));
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("server", report.Server);
            writer.WriteString("since", since);
            writer.WriteString("nextSince", Instant(report.NextSince));
            writer.WriteNumber("studies", report.Studies);
            writer.WriteNumber("resources", report.Resources);
            writer.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("failures");
            foreach (var failure in report.Failures)
            {
                writer.WriteStringValue(failure);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string? Instant(DateTimeOffset? value) => value is { } instant ? Puller.Instant(instant) : null;
}
