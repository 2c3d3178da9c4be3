using System.Reflection;
using System.Text.Json;

namespace FhirTrials.Fhir.DataFiles;

/// <summary>
/// Reads the JSON data files the assemblies embed (mapping tables, terminology) into their row types, strictly:
/// every member must be known, required ones present, each of its JSON type. It walks a
/// <see cref="JsonDocument"/> with hand-written row readers instead of the serializer's generated metadata, whose
/// first use in a process costs tens of milliseconds of start-up (the serializer's converters over our row types
/// are generics the precompiled image cannot hold, ADR 0008); reading all the embedded files this way takes about 15 ms.
/// </summary>
public static class DataFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads the whole of <paramref name="utf8"/> (named <paramref name="file"/> in errors) with <paramref name="read"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON, or not the shape <paramref name="read"/> expects.</exception>
    public static T Read<T>(ReadOnlyMemory<byte> utf8, string file, Func<DataObject, T> read)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(read);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file}: line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}: {exception.Message}", exception);
        }

        using (document)
        {
            return read(DataObject.Root(document.RootElement, file));
        }
    }

    /// <summary>Reads the resource <paramref name="resource"/> embedded in <paramref name="assembly"/> with <paramref name="read"/>.</summary>
    /// <exception cref="InvalidDataException">The resource is missing, not JSON, or not the shape <paramref name="read"/> expects.</exception>
    public static T ReadEmbedded<T>(Assembly assembly, string resource, Func<DataObject, T> read)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"{resource}: not embedded in {assembly.GetName().Name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), resource, read);
    }
}
