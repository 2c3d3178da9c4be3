namespace FhirTrials.Mapping.Records;

/// <summary>
/// A trial record file that is not valid JSON or not a valid record. The message is one line:
/// <c>file: line L, column C: $.json.path: reason</c> (line and column 1-based, column in characters).
/// </summary>
public sealed class TrialRecordFormatException : Exception
{
    public TrialRecordFormatException()
    {
    }

    public TrialRecordFormatException(string message)
        : base(message)
    {
    }

    public TrialRecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TrialRecordFormatException(
        string sourceName, string jsonPath, TextPosition position, string reason, Exception? innerException = null)
        : base(Format(sourceName, jsonPath, position, reason), innerException)
    {
        SourceName = sourceName;
        JsonPath = jsonPath;
        Line = position.Line;
        Column = position.Column;
        Reason = reason;
    }

    /// <summary>File name or other name of the input.</summary>
    public string SourceName { get; } = "";

    /// <summary>JSON path of the offending value, e.g. <c>$.arms[1].type</c>.</summary>
    public string JsonPath { get; } = "$";

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, in characters.</summary>
    public int Column { get; }

    /// <summary>The reason alone, without location.</summary>
    public string Reason { get; } = "";

    private static string Format(string sourceName, string jsonPath, TextPosition position, string reason) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{sourceName}: line {position.Line}, column {position.Column}: {jsonPath}: {reason}");
}
