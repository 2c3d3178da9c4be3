using FhirTrials.Server.Export;
using FhirTrials.Server.Hosting;

namespace FhirTrials.Server.Tests.Export;

public sealed class ExportJobsTests
{
    [Fact]
    public void Enqueue_BeyondMaxActiveJobs_IsRefusedUntilOneEnds()
    {
        var options = new FhirServerOptions();
        options.Export.MaxActiveJobs = 2;
        options.Export.Directory = Path.Combine(Path.GetTempPath(), "fhirtrials-tests", Guid.NewGuid().ToString("N"));
        var jobs = new ExportJobs(options, TimeProvider.System);

        var first = jobs.Enqueue("a", null, null, false);
        var second = jobs.Enqueue("b", null, null, false);
        var third = jobs.Enqueue("c", null, null, false);
        var cancelled = jobs.Cancel(first!.Id);
        var fourth = jobs.Enqueue("d", null, null, false);

        Assert.NotNull(second);
        Assert.Null(third);
        Assert.True(cancelled);
        Assert.NotNull(fourth);
        Assert.Null(jobs.Find(first.Id));
    }
}
