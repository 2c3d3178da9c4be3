using System.Text.Json;
using FhirTrials.Server.Bundles;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Matching;

public static partial class MatchApi
{
    /// <summary>The extension on <c>Bundle.entry.search</c> carrying the verdict and each criterion's outcome.</summary>
    public const string MatchExtension = "https://fhirtrials.org/fhir/StructureDefinition/match-result";

    private static byte[] Write(IReadOnlyList<(StoredResource Study, StudyMatch Match)> matches, string baseUrl, DateTimeOffset now)
    {
        using var writer = new BundleJsonWriter();
        writer.Start("searchset", now, matches.Count);
        writer.Links([("self", baseUrl + "/ResearchStudy/$match")]);
        foreach (var (study, match) in matches)
        {
            writer.Entry(SearchBundle.FullUrl(baseUrl, study), study.Json, w => BundleJsonWriter.WriteSearch(w, "match", match.Score, e => WriteExtension(e, match)));
        }

        return writer.Finish();
    }

    private static void WriteExtension(Utf8JsonWriter w, StudyMatch match)
    {
        w.WriteStartArray("extension");
        w.WriteStartObject();
        w.WriteString("url", MatchExtension);
        w.WriteStartArray("extension");
        Simple(w, "eligibility", "valueCode", match.Verdict switch
        {
            MatchVerdict.Eligible => "eligible",
            MatchVerdict.Ineligible => "ineligible",
            _ => "needs-review",
        });
        foreach (var criterion in match.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("url", "criterion");
            w.WriteStartArray("extension");
            w.WriteStartObject();
            w.WriteString("url", "characteristic");
            w.WriteNumber("valueInteger", criterion.Index);
            w.WriteEndObject();
            if (criterion.Code is not null)
            {
                w.WriteStartObject();
                w.WriteString("url", "code");
                w.WriteStartObject("valueCoding");
                if (criterion.System is not null)
                {
                    w.WriteString("system", criterion.System);
                }

                w.WriteString("code", criterion.Code);
                if (criterion.Display is not null)
                {
                    w.WriteString("display", criterion.Display);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteStartObject();
            w.WriteString("url", "exclude");
            w.WriteBoolean("valueBoolean", criterion.Exclude);
            w.WriteEndObject();
            Simple(w, "outcome", "valueCode", criterion.Outcome switch
            {
                CriterionOutcome.Met => "met",
                CriterionOutcome.NotMet => "not-met",
                _ => "unknown",
            });
            Simple(w, "reason", "valueString", criterion.Reason);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Simple(Utf8JsonWriter w, string url, string valueName, string value)
    {
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString(valueName, value);
        w.WriteEndObject();
    }
}
