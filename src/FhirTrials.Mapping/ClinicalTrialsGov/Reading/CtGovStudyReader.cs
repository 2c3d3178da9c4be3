using System.Text.Json;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Reads one CT.gov API v2 study from its UTF-8 JSON in a single pass and maps it to a trial record. Every
/// protocol field is kept; from the derived section only the MeSH codes (conditions, interventions) and the
/// data version. Results, annotations, documents and unknown (newer or non-standard) fields are skipped unread.
/// </summary>
/// <remarks>
/// A property that occurs twice counts once, with its last value. A field problem does not stop the reading:
/// the one reported is the first in mapping order (<see cref="Step"/>, then the declaration order of each
/// object's field enumeration, then array position), so a study with several problems always names the same
/// one wherever its fields stand in the JSON. Field paths are only put together for a problem.
/// </remarks>
internal sealed partial class CtGovStudyReader
{
    public const string SourceName = "ClinicalTrials.gov API v2";

    private static readonly CtFieldNames RootNames = CtFieldNames.Of(typeof(RootField));

    private readonly MappingTables _tables;

    private CtGovStudyReader(MappingTables tables) => _tables = tables;

    private enum RootField
    {
        ProtocolSection,
        DerivedSection,
        HasResults,
    }

    /// <summary>
    /// Maps the study in <paramref name="json"/>. JSON that is not well-formed, or anything but white space
    /// after the study, throws <see cref="JsonException"/> before any field problem is reported; field problems
    /// throw <see cref="CtGovFieldException"/> naming the study's NCT id when it could be read.
    /// </summary>
    public static TrialRecord Map(ReadOnlyMemory<byte> json, MappingTables tables, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json.Span, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotAStudy();
        }

        var study = new CtGovStudyReader(tables);
        var record = study.ReadStudy(ref reader);
        if (reader.Read())
        {
            throw new JsonException("unexpected JSON after the study");
        }

        return study.Finish(record);
    }

    public static CtGovFieldException NotAStudy() => new("$", "a study must be a JSON object");

    private TrialRecord? ReadStudy(ref Utf8JsonReader reader)
    {
        ProtocolParts? protocol = null;
        DerivedParts? derived = null;
        bool? hasResults = null;
        var scope = Enter(RootNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((RootField)field)
            {
                case RootField.ProtocolSection:
                    _nctId = null;
                    protocol = Section(ref reader, Step.ProtocolSection) ? ReadProtocol(ref reader) : null;
                    break;
                case RootField.DerivedSection:
                    derived = Section(ref reader, Step.DerivedSection) ? ReadDerived(ref reader) : null;
                    break;
                default:
                    _step = Step.HasResults;
                    hasResults = Bool(ref reader);
                    break;
            }
        }

        if (protocol is null)
        {
            Missing(ref scope, (int)RootField.ProtocolSection, Step.ProtocolSection, "required section is missing");
            return null;
        }

        return HasProblems ? null : Build(protocol, derived ?? new DerivedParts(), hasResults);
    }

    /// <summary>Checks that a section or module is an object (or absent), counting problems at <paramref name="step"/>.</summary>
    private bool Section(ref Utf8JsonReader reader, Step step)
    {
        _step = step;
        return IsObject(ref reader);
    }

    /// <summary>Like <see cref="Section"/>; the module's fields then count at <paramref name="contentStep"/>.</summary>
    private bool Module(ref Utf8JsonReader reader, Step typeStep, Step contentStep)
    {
        var present = Section(ref reader, typeStep);
        _step = contentStep;
        return present;
    }
}
