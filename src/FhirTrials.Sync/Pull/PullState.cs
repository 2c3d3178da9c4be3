using System.Text.Json;

namespace FhirTrials.Sync.Pull;

/// <summary>
/// What a pull remembers in its output folder (<c>.fhirtrials-pull</c>, JSON): the server and the
/// server's time when the last complete pull started, the lower bound of the next one. The name does not
/// end in <c>.json</c>, so commands reading the folder's studies (validate, map) do not take it for one.
/// </summary>
public sealed record PullState(string Server, DateTimeOffset LastPull)
{
    public const string FileName = ".fhirtrials-pull";

    public static PullState? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new PullState(root.GetProperty("server").GetString()!, root.GetProperty("lastPull").GetDateTimeOffset());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a pull state file ({ex.Message}); delete it to pull everything again", ex);
        }
    }

    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("server", Server);
        writer.WriteString("lastPull", LastPull);
        writer.WriteEndObject();
    }
}
