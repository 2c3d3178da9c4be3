using System.Collections.Concurrent;
using System.Threading.Channels;
using FhirTrials.Server.Hosting;

namespace FhirTrials.Server.Export;

/// <summary>The bulk exports of this server: kicked-off jobs queue here for the <see cref="ExportWorker"/>; finished ones are kept for <see cref="ExportOptions.Retention"/>.</summary>
public sealed class ExportJobs
{
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ExportJob> _queue = Channel.CreateUnbounded<ExportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ExportOptions _options;
    private readonly TimeProvider _time;

    public ExportJobs(FhirServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Export;
        _time = time;
        Directory = _options.Directory ?? Path.Combine(Path.GetTempPath(), "fhirtrials-export");
    }

    /// <summary>The folder holding one sub-folder of NDJSON files per job.</summary>
    public string Directory { get; }

    internal ChannelReader<ExportJob> Queue => _queue.Reader;

    public ExportJob Enqueue(string request, IReadOnlyList<string>? types, DateTimeOffset? since, bool requiresAccessToken)
    {
        Purge();
        var job = new ExportJob(Guid.NewGuid().ToString("N"), request, types, since, _time.GetUtcNow(), requiresAccessToken);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    public ExportJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Cancels a job and deletes its files; false when there is no such job.</summary>
    public bool Cancel(string id)
    {
        if (!_jobs.TryRemove(id, out var job))
        {
            return false;
        }

        job.Finish(ExportStatus.Cancelled, _time.GetUtcNow());
        job.Cancellation.Cancel();
        DeleteFiles(job);
        return true;
    }

    /// <summary>The path of a job's file (only names the job itself recorded are served).</summary>
    public string? FilePath(ExportJob job, string fileName)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Files.Any(f => f.FileName == fileName) ? Path.Combine(JobDirectory(job), fileName) : null;
    }

    internal string JobDirectory(ExportJob job) => Path.Combine(Directory, job.Id);

    private void Purge()
    {
        var cutoff = _time.GetUtcNow() - _options.Retention;
        foreach (var job in _jobs.Values.Where(j => j.FinishedAt is { } at && at < cutoff))
        {
            if (_jobs.TryRemove(job.Id, out _))
            {
                DeleteFiles(job);
            }
        }
    }

    private void DeleteFiles(ExportJob job)
    {
        var folder = JobDirectory(job);
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still being written by the cancelled worker: the next purge retries.
        }
    }
}
