using System.Text;

namespace FhirTrials.Eligibility.Matching;

/// <summary>The codes the matcher's enums have in JSON and FHIR (<c>NotMet</c> → <c>not-met</c>, <c>NeedsReview</c> → <c>needs-review</c>).</summary>
public static class Wire
{
    public static string Code<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
