using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    /// <summary>
    /// Each site → a Location and a ResearchStudy.site reference carrying the site's recruitment status
    /// (site-recruitment-status: the R4 code from the table and the exact CT.gov value); the countries of
    /// the sites, once each, → ResearchStudy.location with their ISO 3166 code when known.
    /// </summary>
    private static void Sites(TrialMappingContext context, ResearchStudy study)
    {
        var countries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var location in context.Record.Locations ?? [])
        {
            number++;
            var site = SiteMapper.Map(context, location, number);
            if (location.Status is { } status)
            {
                var concept = Concepts.FromTable(context.Tables.SiteRecruitmentStatus, status);
                if (!Concepts.NeedsSourceCoding(context.Tables.SiteRecruitmentStatus, status))
                {
                    concept.Coding.Add(Concepts.SourceCoding(context.Tables.SiteRecruitmentStatus, status));
                }

                site.AddExtension(ExtensionUrls.SiteRecruitmentStatus, concept);
            }

            study.Site.Add(site);
            if (location.Country is { } country && countries.Add(country))
            {
                var concept = Concepts.Text(country);
                if (context.Terminology.Country(country) is { } iso)
                {
                    concept.Coding.Add(iso);
                }

                study.Location.Add(concept);
            }
        }
    }
}
