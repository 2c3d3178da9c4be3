using System.Security.Cryptography;
using System.Text;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Validation;

namespace FhirTrials.Sync.Engine.Sources;

/// <summary>
/// Identifies the code that turns records into what is sent (the module version ids of the mapping,
/// eligibility, validation and FHIR assemblies, which deterministic builds keep stable): a new build
/// with different mapping re-reads every file once.
/// </summary>
public static class MapperFingerprint
{
    private static readonly Lazy<byte[]> Value = new(Compute);

    public static byte[] Bytes => Value.Value;

    public static string Text => Convert.ToHexStringLower(Value.Value);

    private static byte[] Compute()
    {
        var assemblies = new[]
        {
            typeof(TrialBundleMapper).Assembly,
            typeof(FhirValidator).Assembly,
            typeof(Fhir.Model.Bundle).Assembly,
            typeof(FhirTrials.Eligibility.EligibilityCriteriaParser).Assembly,
        };
        var text = string.Join('\n', assemblies.Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId.ToString("N")));
        return SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16];
    }
}
