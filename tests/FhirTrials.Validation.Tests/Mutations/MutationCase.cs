using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Mutations;

/// <summary>
/// One mutant of the suite (mutations.json): a real resource (an R4 example, a FhirTrials example, or a
/// base prepared from one), one thing broken, and the issue the validator must report for it: severity,
/// IssueType code and FHIRPath expression.
/// </summary>
public sealed record MutationCase(string Name, string Kind, string Base, IReadOnlyList<PatchOp> Ops, string? Profile, IssueSeverity Severity, IssueType Code, string Expression)
{
    private static readonly Lazy<JsonDocument> Suite = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "mutations.json"))));

    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Validation.Tests", "Mutations");

    public static IReadOnlyList<MutationCase> All => [.. Suite.Value.RootElement.GetProperty("mutants").EnumerateArray().Select(Read)];

    public static IReadOnlyList<string> BaseNames => [.. Suite.Value.RootElement.GetProperty("bases").EnumerateObject().Select(b => b.Name)];

    public override string ToString() => Name;

    /// <summary>The unbroken resource and the profiles to validate it against.</summary>
    public static (JsonNode Document, string? Profile) BuildBase(string name)
    {
        var spec = Suite.Value.RootElement.GetProperty("bases").GetProperty(name);
        var source = spec.GetProperty("source").GetString()!;
        JsonNode document = source switch
        {
            _ when source.StartsWith("r4:", StringComparison.Ordinal) => JsonNode.Parse(R4Examples.All.Single(f => f.Name == source[3..]).Content)!,
            _ when source.StartsWith("profiles:", StringComparison.Ordinal) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "profiles", "examples", source[9..])))!,
            "inline" => JsonNode.Parse(spec.GetProperty("resource").GetRawText())!,
            _ => throw new ArgumentException($"unknown source {source}"),
        };
        foreach (var op in ReadOps(spec))
        {
            op.Apply(document);
        }

        return (document, spec.TryGetProperty("profile", out var p) ? p.GetString() : null);
    }

    public byte[] Mutant()
    {
        var (document, _) = BuildBase(Base);
        foreach (var op in Ops)
        {
            op.Apply(document);
        }

        return Encoding.UTF8.GetBytes(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static MutationCase Read(JsonElement m)
    {
        var expect = m.GetProperty("expect");
        var baseName = m.GetProperty("base").GetString()!;
        var profile = m.TryGetProperty("profile", out var p) ? p.GetString() : Suite.Value.RootElement.GetProperty("bases").GetProperty(baseName).TryGetProperty("profile", out var bp) ? bp.GetString() : null;
        return new MutationCase(
            m.GetProperty("name").GetString()!,
            m.GetProperty("kind").GetString()!,
            baseName,
            ReadOps(m),
            profile,
            EnumLiterals.TryParse<IssueSeverity>(expect.TryGetProperty("severity", out var s) ? s.GetString() : "error", out var severity) ? severity : throw new ArgumentException("severity"),
            EnumLiterals.TryParse<IssueType>(expect.GetProperty("code").GetString(), out var code) ? code : throw new ArgumentException("code"),
            expect.GetProperty("expression").GetString()!);
    }

    private static List<PatchOp> ReadOps(JsonElement spec) =>
        spec.TryGetProperty("ops", out var ops)
            ? [.. ops.EnumerateArray().Select(o => new PatchOp(
                o.GetProperty("op").GetString()!,
                o.GetProperty("path").GetString()!,
                o.TryGetProperty("value", out var v) ? v.GetRawText() : null,
                o.TryGetProperty("base", out var b) ? b.GetString() : null))]
            : [];
}

/// <summary>One edit: its value given inline (JSON) or as another prepared base.</summary>
public sealed record PatchOp(string Op, string Path, string? Value, string? Base)
{
    public void Apply(JsonNode document)
    {
        var value = Base is not null ? MutationCase.BuildBase(Base).Document : Value is null ? null : JsonNode.Parse(Value);
        JsonPatch.Apply(document, Op, Path, value);
    }
}
