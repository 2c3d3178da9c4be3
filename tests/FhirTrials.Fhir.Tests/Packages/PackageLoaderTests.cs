using System.Text;
using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.Fhir.Tests.Packages;

/// <summary>Reading FHIR packages from folders and tarballs, and resolving canonical URLs across them.</summary>
public sealed class PackageLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fhirtrials-pkg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void R4Definitions_EmbeddedPackage_HoldsTheOfficialConformanceResources()
    {
        var core = R4Definitions.Core;

        Assert.Equal("fhirtrials.r4.definitions", core.Manifest.Name);
        Assert.Equal(655, core.Resources.Count(r => r.ResourceType == "StructureDefinition"));
        Assert.Equal(1316, core.Resources.Count(r => r.ResourceType == "ValueSet"));
        Assert.Equal(1062, core.Resources.Count(r => r.ResourceType == "CodeSystem"));
        Assert.Equal(1400, core.Resources.Count(r => r.ResourceType == "SearchParameter"));
        Assert.True(R4Definitions.Expansions.Resources.Count > 500);
    }

    [Fact]
    public void Resolve_CoreCanonical_ReturnsTypedStructureDefinitionWithSnapshot()
    {
        var sd = R4Definitions.Resolver.Resolve<StructureDefinition>("http://hl7.org/fhir/StructureDefinition/ResearchStudy|4.0.1");

        Assert.NotNull(sd);
        Assert.Equal("ResearchStudy", sd.Type);
        Assert.Contains(sd.Snapshot!.Element, e => e.Path == "ResearchStudy.phase");
        Assert.NotNull(R4Definitions.Resolver.ResolveExpansion("http://hl7.org/fhir/ValueSet/research-study-phase"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_FolderPackage_WithAndWithoutIndex(bool withIndex)
    {
        var folder = WritePackage("example.ig", "1.0.0", withIndex, ("1.0.0", "First"));

        var package = FhirPackage.Load(folder);

        Assert.Equal("example.ig", package.Manifest.Name);
        var entry = Assert.Single(package.Resources);
        Assert.Equal("http://example.org/StructureDefinition/my-patient", entry.Url);
        Assert.Equal("StructureDefinition", entry.ResourceType);
    }

    [Fact]
    public void Load_Tarball_ReadsTheStandardLayout()
    {
        var folder = WritePackage("example.ig", "1.0.0", withIndex: false, ("1.0.0", "First"));
        var tgz = Path.Combine(_dir, "example.tgz");
        using (var stream = File.Create(tgz))
        {
            TarGzArchive.WriteAllFiles(stream, Directory.GetFiles(Path.Combine(folder, "package")).Select(f => new KeyValuePair<string, byte[]>("package/" + Path.GetFileName(f), File.ReadAllBytes(f))));
        }

        var package = FhirPackage.Load(tgz);

        Assert.Equal("1.0.0", package.Manifest.Version);
        Assert.Single(package.Resources);
    }

    [Fact]
    public void Resolve_VersionedCanonicals_PickTheRightVersionAndPrioritiseUserPackages()
    {
        var v1 = FhirPackage.Load(WritePackage("example.ig", "1.0.0", true, ("1.0.0", "First")));
        var v2 = FhirPackage.Load(WritePackage("example.ig.two", "2.1.0", true, ("2.1.0", "Second"), ("1.9.0", "Older")));
        var resolver = R4Definitions.CreateResolver([v2, v1]);
        const string url = "http://example.org/StructureDefinition/my-patient";

        Assert.Equal("Second", resolver.Resolve<StructureDefinition>(url)!.Title);
        Assert.Equal("First", resolver.Resolve<StructureDefinition>(url + "|1.0.0")!.Title);
        Assert.Equal("Second", resolver.Resolve<StructureDefinition>(url + "|2.1")!.Title);
        Assert.Equal("Older", resolver.Resolve<StructureDefinition>(url + "|1.9.0")!.Title);
        Assert.Null(resolver.Resolve<StructureDefinition>(url + "|3.0.0"));
        Assert.NotNull(resolver.Resolve<StructureDefinition>("http://hl7.org/fhir/StructureDefinition/Patient"));
    }

    [Fact]
    public void Load_MissingOrBrokenPackage_FailsWithOneLineMessage()
    {
        var missing = Assert.Throws<PackageException>(() => FhirPackage.Load(Path.Combine(_dir, "nope.tgz")));
        var notGzip = Path.Combine(_dir, "broken.tgz");
        File.WriteAllText(notGzip, "not a tarball");
        var broken = Assert.Throws<PackageException>(() => FhirPackage.Load(notGzip));
        var noManifest = Directory.CreateDirectory(Path.Combine(_dir, "empty", "package")).Parent!.FullName;
        var empty = Assert.Throws<PackageException>(() => FhirPackage.Load(noManifest));

        Assert.Contains("no such package", missing.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable .tgz", broken.Message, StringComparison.Ordinal);
        Assert.Contains("package.json is missing", empty.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message + broken.Message + empty.Message);
    }

    [Fact]
    public void VerifyIntegrity_WrongContent_IsRejected()
    {
        var content = Encoding.UTF8.GetBytes("package bytes");
        var good = "sha512-" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(content));

        NpmPackageFetcher.VerifyIntegrity(content, good, "pkg");
        var ex = Assert.Throws<PackageException>(() => NpmPackageFetcher.VerifyIntegrity(Encoding.UTF8.GetBytes("tampered"), good, "pkg"));
        Assert.Contains("integrity check failed", ex.Message, StringComparison.Ordinal);
    }

    private string WritePackage(string name, string version, bool withIndex, params (string Version, string Title)[] profiles)
    {
        var folder = Path.Combine(_dir, $"{name}#{version}");
        var package = Directory.CreateDirectory(Path.Combine(folder, "package")).FullName;
        File.WriteAllText(Path.Combine(package, "package.json"), $$$"""{"name":"{{{name}}}","version":"{{{version}}}","fhirVersions":["4.0.1"],"dependencies":{"hl7.fhir.r4.core":"4.0.1"}}""");
        var index = new List<string>();
        for (var i = 0; i < profiles.Length; i++)
        {
            var file = $"StructureDefinition-my-patient-{i}.json";
            File.WriteAllText(Path.Combine(package, file), $$$"""{"resourceType":"StructureDefinition","id":"my-patient-{{{i}}}","url":"http://example.org/StructureDefinition/my-patient","version":"{{{profiles[i].Version}}}","name":"MyPatient","title":"{{{profiles[i].Title}}}","status":"draft","kind":"resource","abstract":false,"type":"Patient","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint","differential":{"element":[{"id":"Patient","path":"Patient"}]}}""");
            index.Add($$"""{"filename":"{{file}}","resourceType":"StructureDefinition","id":"my-patient-{{i}}","url":"http://example.org/StructureDefinition/my-patient","version":"{{profiles[i].Version}}"}""");
        }

        if (withIndex)
        {
            File.WriteAllText(Path.Combine(package, ".index.json"), $$"""{"index-version":1,"files":[{{string.Join(",", index)}}]}""");
        }

        return folder;
    }
}
