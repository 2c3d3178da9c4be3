using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.State;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FhirTrials.Cli.Commands;

public static partial class SyncCommand
{
    /// <summary>One pass: progress on a terminal, warnings on stderr, the summary on stdout.</summary>
    private static async Task<int> RunOnceAsync(SyncOptions options, SyncRunOptions run, bool json, CancellationToken cancellationToken)
    {
        using var loggers = SyncSetup.ConsoleLoggers(json: false, LogLevel.Warning);
        SyncReport report;
        StateCounts counts;
        string target;
        try
        {
            await using var components = await SyncComponents.CreateAsync(options, loggers, cancellationToken: cancellationToken);
            target = components.Target.Description;
            report = await PassAsync(components.Engine, run, cancellationToken);
            counts = await components.State.CountsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SyncException or FhirClientException or DbException or IOException or UnauthorizedAccessException)
        {
            Terminal.WriteError(ex.Message.ReplaceLineEndings(" "));
            return ExitCodes.UsageOrIo;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.WriteError("interrupted; unconfirmed trials stay unsent and are sent by the next pass");
            return ExitCodes.UsageOrIo;
        }

        WriteSummary(report, counts, target, options, json);
        var findings = report.Failed > 0 || report.Invalid > 0 || counts.Invalid > 0 || counts.Conflict > 0 || report.Problems.Count > 0;
        return findings ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static Task<SyncReport> PassAsync(SyncEngine engine, SyncRunOptions run, CancellationToken cancellationToken)
    {
        if (!Terminal.IsInteractive)
        {
            return engine.RunOnceAsync(run, cancellationToken);
        }

        return Terminal.Error.Status().StartAsync("Syncing", context =>
        {
            var progress = new Progress<SyncReport>(r => context.Status(string.Create(
                CultureInfo.InvariantCulture, $"Syncing: {r.Seen} read, {r.Changed} changed, {r.Sent} sent, {r.Failed + r.Invalid} not sent")));
            return engine.RunOnceAsync(new SyncRunOptions { CheckDrift = run.CheckDrift, Progress = progress }, cancellationToken);
        });
    }

    private static void WriteSummary(SyncReport report, StateCounts counts, string target, SyncOptions options, bool json)
    {
        if (!json)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target}: {report.Seen} seen, {report.Changed} changed, {report.Sent} sent, {report.Unchanged} unchanged, {report.UnchangedFiles} files unchanged, {report.Failed} failed, {report.Invalid} invalid, {report.Removed} removed, {report.Drift.Count} drifted ({report.Requests} requests); {counts.Synced} trials in step"));
            foreach (var problem in report.Problems)
            {
                Console.Out.WriteLine($"  {problem.RegistryId ?? problem.Source}: {problem.Message}");
            }

            if (counts.Invalid > 0)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Invalid} trials are invalid; see {Path.GetFullPath(options.DeadLetterPath)}"));
            }

            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, report, counts, target, options);
        }

        Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteJson(Utf8JsonWriter writer, SyncReport report, StateCounts counts, string target, SyncOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("target", target);
        writer.WriteString("source", Path.GetFullPath(options.Source.Path!));
        report.WriteCounts(writer);
        writer.WriteStartObject("state");
        writer.WriteNumber("synced", counts.Synced);
        writer.WriteNumber("invalid", counts.Invalid);
        writer.WriteNumber("conflict", counts.Conflict);
        writer.WriteNumber("removed", counts.Removed);
        writer.WriteEndObject();
        writer.WriteString("deadLetter", Path.GetFullPath(options.DeadLetterPath));
        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("registryId", problem.RegistryId);
            writer.WriteString("source", problem.Source);
            writer.WriteString("message", problem.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
