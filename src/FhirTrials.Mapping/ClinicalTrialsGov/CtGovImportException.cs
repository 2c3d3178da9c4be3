using System.Globalization;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// A ClinicalTrials.gov input that cannot be imported. The message is one line naming the file, the
/// record (1-based index and NCT id when known) and the field or line.
/// </summary>
public sealed class CtGovImportException : Exception
{
    public CtGovImportException()
    {
    }

    public CtGovImportException(string message)
        : base(message)
    {
    }

    public CtGovImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CtGovImportException(
        string sourceName, int recordIndex, string? nctId, string location, string reason, Exception? innerException = null)
        : base(Format(sourceName, recordIndex, nctId, location, reason), innerException)
    {
        SourceName = sourceName;
        RecordIndex = recordIndex;
        NctId = nctId;
        Location = location;
        Reason = reason;
    }

    public string SourceName { get; } = "";

    /// <summary>1-based position of the study in the input.</summary>
    public int RecordIndex { get; }

    public string? NctId { get; }

    /// <summary>Field path in the study (e.g. <c>protocolSection.designModule.phases[0]</c>) or a line position.</summary>
    public string Location { get; } = "";

    public string Reason { get; } = "";

    private static string Format(string sourceName, int recordIndex, string? nctId, string location, string reason)
    {
        var record = nctId is null
            ? string.Create(CultureInfo.InvariantCulture, $"record {recordIndex}")
            : string.Create(CultureInfo.InvariantCulture, $"record {recordIndex} ({nctId})");
        return $"{sourceName}: {record}: {location}: {reason}";
    }
}

/// <summary>A problem with one field of a study, before the record index is known.</summary>
internal sealed class CtGovFieldException(string path, string reason, string? nctId = null) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;

    /// <summary>The study's NCT id when it could be read.</summary>
    public string? NctId { get; } = nctId;
}
