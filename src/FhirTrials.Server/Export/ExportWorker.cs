using System.Globalization;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Server.Export;

/// <summary>Runs queued bulk exports one after another: each type's current resources changed in (_since, transactionTime] into NDJSON files.</summary>
internal sealed partial class ExportWorker : BackgroundService
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly ExportJobs _jobs;
    private readonly IFhirStore _store;
    private readonly TimeProvider _time;
    private readonly int _perFile;
    private readonly ILogger<ExportWorker> _logger;

    public ExportWorker(ExportJobs jobs, IFhirStore store, TimeProvider time, FhirServerOptions options, ILogger<ExportWorker> logger)
    {
        _jobs = jobs;
        _store = store;
        _time = time;
        _perFile = Math.Max(1, options.Export.MaxResourcesPerFile);
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Queue.ReadAllAsync(stoppingToken))
        {
            if (job.Status == ExportStatus.Cancelled)
            {
                continue;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.Cancellation.Token);
            try
            {
                job.Start();
                await RunAsync(job, linked.Token);
                job.Finish(ExportStatus.Completed, _time.GetUtcNow());
            }
            catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                job.Finish(ExportStatus.Cancelled, _time.GetUtcNow());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                LogFailed(_logger, job.Id, ex);
                job.AddError("the export failed; the error has been logged");
                job.Finish(ExportStatus.Failed, _time.GetUtcNow());
            }
        }
    }

    private async Task RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        var folder = _jobs.JobDirectory(job);
        Directory.CreateDirectory(folder);
        var types = job.Types ?? await _store.StoredTypesAsync(cancellationToken);
        for (var t = 0; t < types.Count; t++)
        {
            var type = types[t];
            job.Report(string.Create(CultureInfo.InvariantCulture, $"exporting {type} ({t + 1} of {types.Count} types)"));
            var part = 0;
            var count = 0;
            FileStream? file = null;
            string? fileName = null;
            try
            {
                await foreach (var resource in _store.ExportAsync(type, job.Since, job.TransactionTime, cancellationToken))
                {
                    if (file is null || count == _perFile)
                    {
                        await CloseAsync(job, type, file, fileName, count);
                        part++;
                        count = 0;
                        fileName = string.Create(CultureInfo.InvariantCulture, $"{type}-{part}.ndjson");
                        file = new FileStream(Path.Combine(folder, fileName), FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
                    }

                    await file.WriteAsync(resource.Json, cancellationToken);
                    await file.WriteAsync(NewLine, cancellationToken);
                    count++;
                }
            }
            finally
            {
                await CloseAsync(job, type, file, fileName, count);
            }
        }
    }

    private static async Task CloseAsync(ExportJob job, string type, FileStream? file, string? fileName, int count)
    {
        if (file is null)
        {
            return;
        }

        await file.DisposeAsync();
        job.AddFile(new ExportFile(type, fileName!, count));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk export {JobId} failed")]
    private static partial void LogFailed(ILogger logger, string jobId, Exception exception);
}
