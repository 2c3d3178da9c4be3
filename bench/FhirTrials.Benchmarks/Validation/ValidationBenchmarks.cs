using BenchmarkDotNet.Attributes;
using FhirTrials.Validation;

namespace FhirTrials.Benchmarks.Validation;

/// <summary>
/// Validation throughput on one core with the default validator (FhirTrials profiles + R4), definitions
/// compiled beforehand: parse (lenient) + validate every document of a corpus, and validate the
/// already-parsed trees (what the medplum peer measures: its input is parsed JSON). Resources per
/// second = the corpus's resource count (printed at setup) / mean time. Peer: bench/medplum.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[][] _documents = [];
    private Fhir.ElementModel.ElementNode[] _trees = [];
    private FhirValidator _validator = FhirValidator.Default;

    [Params(ValidationCorpus.ProfileExamples, ValidationCorpus.TrialBundles, ValidationCorpus.R4Examples)]
    public string Corpus { get; set; } = ValidationCorpus.ProfileExamples;

    [GlobalSetup]
    public void Setup()
    {
        (_documents, var resources) = ValidationCorpus.Load(Corpus);
        _validator = FhirValidator.Default;
        var errors = _documents.Sum(d => _validator.ValidateJson(d, null).ErrorCount);
        var parser = new Fhir.Serialization.FhirJsonParser(Fhir.Serialization.FhirJsonParserSettings.LenientMode);
        _trees = [.. _documents.Select(d => parser.Parse(d).Root!)];
        Console.WriteLine($"// corpus {Corpus}: {_documents.Length} documents, {resources} resources, {errors} errors");
    }

    [Benchmark(Description = "ValidateJson (parse + validate)")]
    public int Validate()
    {
        var errors = 0;
        foreach (var document in _documents)
        {
            errors += _validator.ValidateJson(document, null).ErrorCount;
        }

        return errors;
    }

    [Benchmark(Description = "Validate (parsed tree)")]
    public int ValidateTree()
    {
        var errors = 0;
        foreach (var tree in _trees)
        {
            errors += _validator.Validate(tree).ErrorCount;
        }

        return errors;
    }
}
