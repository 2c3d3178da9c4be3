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
        var texts = study.Texts(ref reader, RetractionNames, out _);
        return new Retraction { Pmid = texts[(int)RetractionField.Pmid], Source = texts[(int)RetractionField.Source] };
    }

    private static SeeAlsoLink ReadLink(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var texts = study.Texts(ref reader, LinkNames, out var scope);
        return new SeeAlsoLink { Label = texts[(int)LinkField.Label], Url = study.Required(texts[(int)LinkField.Url], ref scope, (int)LinkField.Url) };
    }

    private static AvailableIpd ReadIpd(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var texts = study.Texts(ref reader, IpdNames, out _);
        return new AvailableIpd
        {
            Id = texts[(int)IpdField.Id],
            Type = texts[(int)IpdField.Type],
            Url = texts[(int)IpdField.Url],
            Comment = texts[(int)IpdField.Comment],
        };
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
