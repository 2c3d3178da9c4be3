using BenchmarkDotNet.Attributes;
using FhirTrials.Validation;

namespace FhirTrials.Benchmarks.Validation;

/// <summary>
/// Validation throughput on one core: parse (lenient) + validate every document of a corpus with the
/// default validator (FhirTrials profiles + R4), definitions compiled beforehand. Resources per second
/// = the corpus's resource count (printed at setup) / mean time. The medplum peer runs the same
/// documents: bench/medplum.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[][] _documents = [];
    private FhirValidator _validator = FhirValidator.Default;

    [Params(ValidationCorpus.ProfileExamples, ValidationCorpus.TrialBundles, ValidationCorpus.R4Examples)]
    public string Corpus { get; set; } = ValidationCorpus.ProfileExamples;

    [GlobalSetup]
    public void Setup()
    {
        (_documents, var resources) = ValidationCorpus.Load(Corpus);
        _validator = FhirValidator.Default;
        var errors = _documents.Sum(d => _validator.ValidateJson(d, null).ErrorCount);
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
}
