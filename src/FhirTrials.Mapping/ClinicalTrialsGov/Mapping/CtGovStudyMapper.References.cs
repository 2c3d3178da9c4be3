using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static Reference Reference(CtNode reference) => new()
    {
        Pmid = reference.String("pmid"),
        Type = reference.Enum<ReferenceType>("type"),
        Citation = reference.String("citation"),
        Retractions = reference.Objects("retractions", retraction => new Retraction
        {
            Pmid = retraction.String("pmid"),
            Source = retraction.String("source"),
        }),
    };

    private static SeeAlsoLink SeeAlsoLink(CtNode link) => new()
    {
        Label = link.String("label"),
        Url = link.RequiredString("url"),
    };

    private static AvailableIpd AvailableIpd(CtNode ipd) => new()
    {
        Id = ipd.String("id"),
        Type = ipd.String("type"),
        Url = ipd.String("url"),
        Comment = ipd.String("comment"),
    };

    private static IpdSharingStatement IpdSharing(CtNode statement) => new()
    {
        Sharing = statement.Enum<IpdSharing>("ipdSharing"),
        Description = statement.String("description"),
        InfoTypes = statement.Enums<IpdSharingInfoType>("infoTypes"),
        TimeFrame = statement.String("timeFrame"),
        AccessCriteria = statement.String("accessCriteria"),
        Url = statement.String("url"),
    };
}
