using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Benchmarks.Json;

/// <summary>
/// Parse + serialize throughput over the R4 examples: the element tree and the typed classes against
/// the practical ceiling, System.Text.Json's JsonDocument.Parse + Utf8JsonWriter on the same bytes.
/// Each operation processes the whole corpus once; MB/s = corpus size / mean time.
/// </summary>
[MemoryDiagnoser]
public class JsonThroughputBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private byte[][] _corpus = [];

    [Params("instances", "typed", "instances-under-1MB", "typed-under-1MB")]
    public string Corpus { get; set; } = "instances";

    [GlobalSetup]
    public void Setup()
    {
        _corpus = JsonCorpus.Named(Corpus);
        Console.WriteLine($"// corpus {Corpus}: {_corpus.Length} resources, {JsonCorpus.Size(_corpus)} bytes");
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse + Utf8JsonWriter (ceiling)")]
    public long Ceiling()
    {
        long total = 0;
        foreach (var bytes in _corpus)
        {
            using var doc = JsonDocument.Parse(bytes);
            total += Write(w => doc.WriteTo(w));
        }

        return total;
    }

    [Benchmark(Description = "Element tree: parse + serialize")]
    public long ElementTree()
    {
        long total = 0;
        var parser = new FhirJsonParser();
        foreach (var bytes in _corpus)
        {
            var node = parser.Parse(bytes).Root!;
            total += Write(w => FhirJsonSerializer.Serialize(node, w));
        }

        return total;
    }

    [Benchmark(Description = "Typed classes: parse + serialize")]
    public long TypedClasses()
    {
        long total = 0;
        foreach (var bytes in _corpus)
        {
            var resource = FhirJsonParser.Parse<Resource>(bytes);
            total += Write(w => FhirJsonSerializer.Serialize(resource, w));
        }

        return total;
    }

    private int Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, FhirJsonSerializer.WriterOptions(indented: false)))
        {
            write(writer);
        }

        return _buffer.WrittenCount;
    }
}
