using FhirTrials.ModelGenerator;

// Regenerates the FhirTrials.Fhir model from the embedded R4 definitions:
//   dotnet run --project tools/FhirTrials.ModelGenerator            (writes into the repository)
//   dotnet run --project tools/FhirTrials.ModelGenerator -- --out D (writes under D instead)
var repoRoot = RepoRoot.Find();
var outputRoot = args is ["--out", var dir] ? dir : repoRoot;
var files = Generator.Generate(repoRoot, Path.Combine(AppContext.BaseDirectory, "model.json"));
Generator.Write(outputRoot, files);
Console.WriteLine($"generated {files.Count} files under {outputRoot}");
return 0;
