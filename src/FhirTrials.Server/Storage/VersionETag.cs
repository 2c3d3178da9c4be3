using System.Globalization;

namespace FhirTrials.Server.Storage;

/// <summary>Weak ETags carrying a version id: <c>W/"3"</c>.</summary>
public static class VersionETag
{
    public static string Format(long versionId) => "W/\"" + versionId.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version id in an ETag (<c>W/"3"</c>, <c>"3"</c> or <c>3</c>); null when it is not one.</summary>
    public static long? Parse(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }

        var text = etag.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
