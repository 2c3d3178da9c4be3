using System.Net;
using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Sync.Client;

/// <summary>Reads the OperationOutcomes servers send with errors, leniently (servers' outcomes are not always valid).</summary>
public static class OperationOutcomes
{
    /// <summary>The OperationOutcome in <paramref name="body"/>, or null when it holds none.</summary>
    public static OperationOutcome? TryParse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || body.Span.TrimStart(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            return null;
        }

        var parsed = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(body, "response");
        return parsed.Root is { Type.Name: "OperationOutcome" } root ? NodeReader.Resource(root) as OperationOutcome : null;
    }

    /// <summary>The issues in one line: <c>error invalid: diagnostics; …</c>.</summary>
    public static string Summary(OperationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var parts = outcome.Issue.Select(issue => issue.Diagnostics ?? issue.Details?.Text ?? issue.Code?.ToString()?.ToLowerInvariant() ?? "error");
        return OneLine(string.Join("; ", parts));
    }

    /// <summary>The start of a non-FHIR body, on one line.</summary>
    public static string BodySnippet(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]);
        return OneLine(text);
    }

    /// <summary>The standard reason phrase of a status.</summary>
    public static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        0 => "no answer",
        HttpStatusCode.PreconditionFailed => "Precondition Failed",
        HttpStatusCode.RequestEntityTooLarge => "Content Too Large",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.UnprocessableEntity => "Unprocessable Content",
        _ => System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
