namespace FhirTrials.Fhir.Model;

/// <summary>Anything that carries extensions: every element and every domain resource.</summary>
public interface IExtendable
{
    List<Extension> Extension { get; set; }
}

/// <summary>Finding and setting extensions by URL.</summary>
public static class ExtendableExtensions
{
    /// <summary>The extensions with the given URL.</summary>
    public static IEnumerable<Extension> GetExtensions(this IExtendable target, string url)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Extension.Where(e => string.Equals(e.Url, url, StringComparison.Ordinal));
    }

    /// <summary>The first extension with the given URL, or null.</summary>
    public static Extension? GetExtension(this IExtendable target, string url) => target.GetExtensions(url).FirstOrDefault();

    /// <summary>The value of the first extension with the given URL, or null.</summary>
    public static DataType? GetExtensionValue(this IExtendable target, string url) => target.GetExtension(url)?.Value;

    /// <summary>Adds an extension with a value and returns it.</summary>
    public static Extension AddExtension(this IExtendable target, string url, DataType? value = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var extension = new Extension { Url = url, Value = value };
        target.Extension.Add(extension);
        return extension;
    }
}
