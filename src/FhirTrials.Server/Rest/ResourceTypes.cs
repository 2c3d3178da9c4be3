using System.Text.RegularExpressions;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;

namespace FhirTrials.Server.Rest;

/// <summary>Checks of the type and id segments of FHIR URLs.</summary>
internal static partial class ResourceTypes
{
    /// <summary>404 for a type that is not an R4 resource type.</summary>
    public static void Check(string type)
    {
        if (!ModelInfo.IsResourceType(type) || ModelInfo.GetType(type)!.IsAbstract)
        {
            throw new FhirOperationException(404, IssueType.NotSupported, $"'{type}' is not a FHIR R4 resource type");
        }
    }

    /// <summary>400 for an id that breaks the R4 id rules ([A-Za-z0-9\-\.]{1,64}).</summary>
    public static void CheckId(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"'{id}' is not a valid resource id (1-64 of A-Z a-z 0-9 - .)");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
