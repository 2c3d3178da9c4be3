namespace FhirTrials.Mapping.Records.Json;

/// <summary>Every enumeration of the record format with its wire names, for messages, schemas and tables.</summary>
public static class RecordEnumerations
{
    /// <summary>Enumeration type to its wire names in declaration order.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<string>> All { get; } = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(OverallStatus)] = EnumWire<OverallStatus>.Names,
        [typeof(RecruitmentStatus)] = EnumWire<RecruitmentStatus>.Names,
        [typeof(ExpandedAccessStatus)] = EnumWire<ExpandedAccessStatus>.Names,
        [typeof(DateType)] = EnumWire<DateType>.Names,
        [typeof(AgencyClass)] = EnumWire<AgencyClass>.Names,
        [typeof(ResponsiblePartyType)] = EnumWire<ResponsiblePartyType>.Names,
        [typeof(ContactRole)] = EnumWire<ContactRole>.Names,
        [typeof(OfficialRole)] = EnumWire<OfficialRole>.Names,
        [typeof(StudyIdType)] = EnumWire<StudyIdType>.Names,
        [typeof(StudyType)] = EnumWire<StudyType>.Names,
        [typeof(Phase)] = EnumWire<Phase>.Names,
        [typeof(DesignAllocation)] = EnumWire<DesignAllocation>.Names,
        [typeof(InterventionModel)] = EnumWire<InterventionModel>.Names,
        [typeof(PrimaryPurpose)] = EnumWire<PrimaryPurpose>.Names,
        [typeof(ObservationalModel)] = EnumWire<ObservationalModel>.Names,
        [typeof(TimePerspective)] = EnumWire<TimePerspective>.Names,
        [typeof(Masking)] = EnumWire<Masking>.Names,
        [typeof(WhoMasked)] = EnumWire<WhoMasked>.Names,
        [typeof(BioSpecRetention)] = EnumWire<BioSpecRetention>.Names,
        [typeof(EnrollmentType)] = EnumWire<EnrollmentType>.Names,
        [typeof(ArmGroupType)] = EnumWire<ArmGroupType>.Names,
        [typeof(InterventionType)] = EnumWire<InterventionType>.Names,
        [typeof(TimingAnchor)] = EnumWire<TimingAnchor>.Names,
        [typeof(Sex)] = EnumWire<Sex>.Names,
        [typeof(StandardAge)] = EnumWire<StandardAge>.Names,
        [typeof(SamplingMethod)] = EnumWire<SamplingMethod>.Names,
        [typeof(ReferenceType)] = EnumWire<ReferenceType>.Names,
        [typeof(IpdSharing)] = EnumWire<IpdSharing>.Names,
        [typeof(IpdSharingInfoType)] = EnumWire<IpdSharingInfoType>.Names,
    };
}
