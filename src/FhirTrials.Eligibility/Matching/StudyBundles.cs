using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching;

/// <summary>Finds a study's eligibility Group in its Bundle (as <c>fhirtrials map</c> writes it).</summary>
public static class StudyBundles
{
    /// <summary>
    /// The Group ResearchStudy.enrollment points at (by fullUrl or <c>Group/id</c>), else the Bundle's only Group;
    /// throws <see cref="InvalidOperationException"/> saying why when there is none or the choice is ambiguous.
    /// </summary>
    public static Group FindEligibilityGroup(Bundle study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var groups = study.Entry.Where(e => e.Resource is Group).ToList();
        var enrollment = study.Entry.Select(e => e.Resource).OfType<ResearchStudy>().SelectMany(s => s.Enrollment)
            .Select(r => r.ReferenceValue).Where(r => r is not null).ToList();
        foreach (var target in enrollment)
        {
            var match = groups.FirstOrDefault(g => string.Equals(g.FullUrl, target, StringComparison.Ordinal)
                || string.Equals("Group/" + g.Resource!.Id, target, StringComparison.Ordinal));
            if (match is not null)
            {
                return (Group)match.Resource!;
            }
        }

        return groups.Count switch
        {
            1 => (Group)groups[0].Resource!,
            0 => throw new InvalidOperationException("the study Bundle has no Group (eligibility criteria)"),
            _ => throw new InvalidOperationException($"the study Bundle has {groups.Count} Groups and ResearchStudy.enrollment points at none of them"),
        };
    }
}
