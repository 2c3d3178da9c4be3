using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The references module and the IPD sharing statement.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames ReferencesNames = CtFieldNames.Of(typeof(ReferencesField));
    private static readonly CtFieldNames ReferenceNames = CtFieldNames.Of(typeof(ReferenceField));
    private static readonly CtFieldNames RetractionNames = CtFieldNames.Of(typeof(RetractionField));
    private static readonly CtFieldNames LinkNames = CtFieldNames.Of(typeof(LinkField));
    private static readonly CtFieldNames IpdNames = CtFieldNames.Of(typeof(IpdField));
    private static readonly CtFieldNames IpdSharingNames = CtFieldNames.Of(typeof(IpdSharingField));

    private enum ReferencesField { References, SeeAlsoLinks, AvailIpds }

    private enum ReferenceField { Pmid, Type, Citation, Retractions }

    private enum RetractionField { Pmid, Source }

    private enum LinkField { Label, Url }

    private enum IpdField { Id, Type, Url, Comment }

    private enum IpdSharingField { IpdSharing, Description, InfoTypes, TimeFrame, AccessCriteria, Url }

    private (List<Reference>? References, List<SeeAlsoLink>? Links, List<AvailableIpd>? Ipds) ReadReferences(ref Utf8JsonReader reader)
    {
        (List<Reference>? References, List<SeeAlsoLink>? Links, List<AvailableIpd>? Ipds) references = default;
        var scope = Enter(ReferencesNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((ReferencesField)field)
            {
                case ReferencesField.References: references.References = Objects(ref reader, ReadReference); break;
                case ReferencesField.SeeAlsoLinks: references.Links = Objects(ref reader, ReadLink); break;
                default: references.Ipds = Objects(ref reader, ReadIpd); break;
            }
        }

        return references;
    }

    private static Reference ReadReference(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var reference = new Reference();
        var scope = study.Enter(ReferenceNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            reference = (ReferenceField)field switch
            {
                ReferenceField.Pmid => reference with { Pmid = study.String(ref reader) },
                ReferenceField.Type => reference with { Type = study.Enum<ReferenceType>(ref reader) },
                ReferenceField.Citation => reference with { Citation = study.String(ref reader) },
                _ => reference with { Retractions = study.Objects(ref reader, ReadRetraction) },
            };
        }

        return reference;
    }

    private static Retraction ReadRetraction(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var retraction = new Retraction();
        var scope = study.Enter(RetractionNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            retraction = field == (int)RetractionField.Pmid
                ? retraction with { Pmid = study.String(ref reader) }
                : retraction with { Source = study.String(ref reader) };
        }

        return retraction;
    }

    private static SeeAlsoLink ReadLink(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? label = null, url = null;
        var scope = study.Enter(LinkNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            if (field == (int)LinkField.Label)
            {
                label = study.String(ref reader);
            }
            else
            {
                url = study.String(ref reader);
            }
        }

        return new SeeAlsoLink { Label = label, Url = study.Required(url, ref scope, (int)LinkField.Url) };
    }

    private static AvailableIpd ReadIpd(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var ipd = new AvailableIpd();
        var scope = study.Enter(IpdNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            ipd = (IpdField)field switch
            {
                IpdField.Id => ipd with { Id = study.String(ref reader) },
                IpdField.Type => ipd with { Type = study.String(ref reader) },
                IpdField.Url => ipd with { Url = study.String(ref reader) },
                _ => ipd with { Comment = study.String(ref reader) },
            };
        }

        return ipd;
    }

    private IpdSharingStatement ReadIpdSharing(ref Utf8JsonReader reader)
    {
        var statement = new IpdSharingStatement();
        var scope = Enter(IpdSharingNames);
        while (Next(ref reader, ref scope, out var field))
        {
            statement = (IpdSharingField)field switch
            {
                IpdSharingField.IpdSharing => statement with { Sharing = Enum<IpdSharing>(ref reader) },
                IpdSharingField.Description => statement with { Description = String(ref reader) },
                IpdSharingField.InfoTypes => statement with { InfoTypes = Enums<IpdSharingInfoType>(ref reader) },
                IpdSharingField.TimeFrame => statement with { TimeFrame = String(ref reader) },
                IpdSharingField.AccessCriteria => statement with { AccessCriteria = String(ref reader) },
                _ => statement with { Url = String(ref reader) },
            };
        }

        return statement;
    }
}
