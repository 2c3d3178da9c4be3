using FhirTrials.DefinitionsBuilder;

// Regenerates src/FhirTrials.Fhir/Definitions/*.tgz from the official HL7 R4 packages.
//   dotnet run --project tools/FhirTrials.DefinitionsBuilder [-- --cache <dir>]
try
{
    var options = BuilderOptions.Parse(args);
    await DefinitionsBuild.RunAsync(options).ConfigureAwait(false);
    return 0;
}
catch (Exception ex) when (ex is FhirTrials.Fhir.Packages.PackageException or IOException or HttpRequestException or ArgumentException)
{
    Console.Error.WriteLine($"definitions-builder: {ex.Message}");
    return 2;
}
