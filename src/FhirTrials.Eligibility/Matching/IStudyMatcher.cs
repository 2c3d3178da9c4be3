using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching;

/// <summary>The seam a server operation (ResearchStudy/$match) calls: a study's eligibility Group and a patient Bundle in, per-criterion results and a verdict out.</summary>
public interface IStudyMatcher
{
    MatchResult Match(Group group, Bundle patient, MatchOptions? options = null);
}
