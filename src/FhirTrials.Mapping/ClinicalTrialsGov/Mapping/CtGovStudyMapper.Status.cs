using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static TrialStatus Status(CtNode status) => new()
    {
        OverallStatus = status.Enum<OverallStatus>("overallStatus"),
        LastKnownStatus = status.Enum<OverallStatus>("lastKnownStatus"),
        WhyStopped = status.String("whyStopped"),
        StatusVerifiedDate = status.String("statusVerifiedDate"),
        DelayedPosting = status.Bool("delayedPosting"),
        ExpandedAccess = status.Object("expandedAccessInfo") is { } access
            ? new ExpandedAccessInfo
            {
                HasExpandedAccess = access.Bool("hasExpandedAccess"),
                NctId = access.String("nctId"),
                StatusForNctId = access.Enum<ExpandedAccessStatus>("statusForNctId"),
            }
            : null,
    };

    private static TrialDates? Dates(CtNode status)
    {
        var dates = new TrialDates
        {
            Start = DateStruct(status, "startDateStruct"),
            PrimaryCompletion = DateStruct(status, "primaryCompletionDateStruct"),
            Completion = DateStruct(status, "completionDateStruct"),
            FirstSubmitted = PlainDate(status, "studyFirstSubmitDate"),
            FirstSubmittedQc = PlainDate(status, "studyFirstSubmitQcDate"),
            FirstPosted = DateStruct(status, "studyFirstPostDateStruct"),
            ResultsFirstSubmitted = PlainDate(status, "resultsFirstSubmitDate"),
            ResultsFirstSubmittedQc = PlainDate(status, "resultsFirstSubmitQcDate"),
            ResultsFirstPosted = DateStruct(status, "resultsFirstPostDateStruct"),
            DispositionFirstSubmitted = PlainDate(status, "dispFirstSubmitDate"),
            DispositionFirstSubmittedQc = PlainDate(status, "dispFirstSubmitQcDate"),
            DispositionFirstPosted = DateStruct(status, "dispFirstPostDateStruct"),
            LastUpdateSubmitted = PlainDate(status, "lastUpdateSubmitDate"),
            LastUpdatePosted = DateStruct(status, "lastUpdatePostDateStruct"),
        };
        return dates == new TrialDates() ? null : dates;
    }

    private static TrialDate? DateStruct(CtNode status, string name) =>
        status.Object(name) is { } date
            ? new TrialDate { Date = date.RequiredString("date"), Type = date.Enum<DateType>("type") }
            : null;

    private static TrialDate? PlainDate(CtNode status, string name) =>
        status.String(name) is { } date ? new TrialDate { Date = date } : null;
}
