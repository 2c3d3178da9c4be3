using FhirTrials.Fhir.Packages;
using FhirTrials.XverExtensions;

// Regenerates the R5-to-R4 cross-version extensions of profiles/ from hl7.fhir.r5.core.
//   dotnet run --project tools/FhirTrials.XverExtensions [-- --out <dir>]
try
{
    var options = ToolOptions.Parse(args);
    var config = XverConfig.Load(Path.Combine(AppContext.BaseDirectory, "xver-elements.json"));
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
    var path = await R5Source.GetAsync(config, http).ConfigureAwait(false);
    var r5 = FhirPackage.Load(path);
    var generator = new XverGenerator(r5);
    foreach (var element in config.Elements)
    {
        var (fileName, json) = generator.Generate(element);
        var target = Path.Combine(options.OutputDirectory, fileName);
        File.WriteAllText(target, json);
        Console.WriteLine($"wrote {Path.GetRelativePath(options.RepoRoot, target)}");
    }

    return 0;
}
catch (Exception ex) when (ex is PackageException or IOException or HttpRequestException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"xver-extensions: {ex.Message}");
    return 2;
}
