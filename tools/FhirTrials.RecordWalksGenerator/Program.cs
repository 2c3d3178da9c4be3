using FhirTrials.ModelGenerator;
using FhirTrials.RecordWalksGenerator;

// Regenerates the typed record walks of FhirTrials.Mapping from the trial record types:
//   dotnet run --project tools/FhirTrials.RecordWalksGenerator            (writes into the repository)
//   dotnet run --project tools/FhirTrials.RecordWalksGenerator -- --out D (writes under D instead)
var outputRoot = args is ["--out", var dir] ? dir : RepoRoot.Find();
var files = WalkGenerator.Generate();
WalkGenerator.Write(outputRoot, files);
Console.WriteLine($"generated {files.Count} files under {outputRoot}");
return 0;
