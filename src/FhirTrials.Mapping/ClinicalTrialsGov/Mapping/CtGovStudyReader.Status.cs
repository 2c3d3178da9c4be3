using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The status module: the trial status, and the dates.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames StatusNames = CtFieldNames.Of(typeof(StatusField));
    private static readonly CtFieldNames AccessNames = CtFieldNames.Of(typeof(AccessField));
    private static readonly CtFieldNames DateNames = CtFieldNames.Of(typeof(DateField));

    /// <summary>The status fields, then the date fields in the order of <see cref="TrialDates"/> (<see cref="FirstDate"/> on).</summary>
    private enum StatusField
    {
        OverallStatus, LastKnownStatus, WhyStopped, StatusVerifiedDate, DelayedPosting, ExpandedAccessInfo,
        StartDateStruct, PrimaryCompletionDateStruct, CompletionDateStruct, StudyFirstSubmitDate, StudyFirstSubmitQcDate,
        StudyFirstPostDateStruct, ResultsFirstSubmitDate, ResultsFirstSubmitQcDate, ResultsFirstPostDateStruct,
        DispFirstSubmitDate, DispFirstSubmitQcDate, DispFirstPostDateStruct, LastUpdateSubmitDate, LastUpdatePostDateStruct,
    }

    private enum AccessField { HasExpandedAccess, NctId, StatusForNctId }

    private enum DateField { Date, Type }

    private const int FirstDate = (int)StatusField.StartDateStruct;

    private (TrialStatus Status, TrialDates? Dates) ReadStatus(ref Utf8JsonReader reader)
    {
        OverallStatus? overall = null, lastKnown = null;
        string? whyStopped = null, verified = null;
        bool? delayed = null;
        ExpandedAccessInfo? access = null;
        var dates = new TrialDate?[(int)StatusField.LastUpdatePostDateStruct - FirstDate + 1];
        var scope = Enter(StatusNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((StatusField)field)
            {
                case StatusField.OverallStatus: overall = Enum<OverallStatus>(ref reader); break;
                case StatusField.LastKnownStatus: lastKnown = Enum<OverallStatus>(ref reader); break;
                case StatusField.WhyStopped: whyStopped = String(ref reader); break;
                case StatusField.StatusVerifiedDate: verified = String(ref reader); break;
                case StatusField.DelayedPosting: delayed = Bool(ref reader); break;
                case StatusField.ExpandedAccessInfo: access = IsObject(ref reader) ? ReadAccess(ref reader) : null; break;
                default: dates[field - FirstDate] = ReadDate(ref reader, isStruct: StatusNames[field].EndsWith("Struct", StringComparison.Ordinal)); break;
            }
        }

        var status = new TrialStatus
        {
            OverallStatus = overall,
            LastKnownStatus = lastKnown,
            WhyStopped = whyStopped,
            StatusVerifiedDate = verified,
            DelayedPosting = delayed,
            ExpandedAccess = access,
        };
        return (status, Dates(dates));
    }

    private static TrialDates? Dates(TrialDate?[] dates)
    {
        var result = new TrialDates
        {
            Start = dates[0],
            PrimaryCompletion = dates[1],
            Completion = dates[2],
            FirstSubmitted = dates[3],
            FirstSubmittedQc = dates[4],
            FirstPosted = dates[5],
            ResultsFirstSubmitted = dates[6],
            ResultsFirstSubmittedQc = dates[7],
            ResultsFirstPosted = dates[8],
            DispositionFirstSubmitted = dates[9],
            DispositionFirstSubmittedQc = dates[10],
            DispositionFirstPosted = dates[11],
            LastUpdateSubmitted = dates[12],
            LastUpdatePosted = dates[13],
        };
        return Array.TrueForAll(dates, date => date is null) ? null : result;
    }

    /// <summary>A date: a <c>{"date": ..., "type": ...}</c> struct, or a plain date text.</summary>
    private TrialDate? ReadDate(ref Utf8JsonReader reader, bool isStruct)
    {
        if (!isStruct)
        {
            return String(ref reader) is { } plain ? new TrialDate { Date = plain } : null;
        }

        if (!IsObject(ref reader))
        {
            return null;
        }

        string? date = null;
        DateType? type = null;
        var scope = Enter(DateNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)DateField.Date)
            {
                date = String(ref reader);
            }
            else
            {
                type = Enum<DateType>(ref reader);
            }
        }

        return new TrialDate { Date = Required(date, ref scope, (int)DateField.Date), Type = type };
    }

    private ExpandedAccessInfo ReadAccess(ref Utf8JsonReader reader)
    {
        bool? has = null;
        string? nctId = null;
        ExpandedAccessStatus? status = null;
        var scope = Enter(AccessNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((AccessField)field)
            {
                case AccessField.HasExpandedAccess: has = Bool(ref reader); break;
                case AccessField.NctId: nctId = String(ref reader); break;
                default: status = Enum<ExpandedAccessStatus>(ref reader); break;
            }
        }

        return new ExpandedAccessInfo { HasExpandedAccess = has, NctId = nctId, StatusForNctId = status };
    }
}
