using FhirTrials.Fhir.Model;
using FhirRange = FhirTrials.Fhir.Model.Range;
using FhirQuantity = FhirTrials.Fhir.Model.Quantity;

namespace FhirTrials.Eligibility.Tests.Matching.Support;

/// <summary>Builds eligibility Groups the way EligibilityGroupMapper encodes them (docs/eligibility-encoding.md).</summary>
internal sealed class GroupBuilder
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string EligibilitySystem = "https://fhirtrials.org/fhir/CodeSystem/eligibility";
    private const string SourceUrl = "https://fhirtrials.org/fhir/StructureDefinition/criterion-source";
    private const string WindowUrl = "https://fhirtrials.org/fhir/StructureDefinition/criterion-time-window";

    private readonly Group _group = new() { Id = "test-eligibility", Type = GroupType.Person, Actual = false };

    public Group Build() => _group;

    /// <summary>The record-level age range (no criterion-source).</summary>
    public GroupBuilder RecordAge(decimal? low, decimal? high, string unit = "a") =>
        Add(null, Snomed, "397669002", "Age", new FhirRange { Low = UcumQuantity(low, unit), High = UcumQuantity(high, unit) }, false);

    public GroupBuilder RecordSex(string gender) =>
        Add(null, Snomed, "263495000", "Gender", Gender(gender), false);

    public GroupBuilder Age(string itemId, decimal? low, decimal? high, string unit = "a", Source? source = null) =>
        Add(itemId, Snomed, "397669002", "Age", new FhirRange { Low = UcumQuantity(low, unit), High = UcumQuantity(high, unit) }, false, source);

    public GroupBuilder AgeThreshold(string itemId, string comparator, decimal value) =>
        Add(itemId, Snomed, "397669002", "Age", Comparator(UcumQuantity(value, "a")!, comparator), false);

    public GroupBuilder Sex(string itemId, string gender) => Add(itemId, Snomed, "263495000", "Gender", Gender(gender), false);

    /// <summary>A one-sided threshold in a UCUM unit (no unit for scores).</summary>
    public GroupBuilder Threshold(string itemId, string system, string code, string display, string comparator, decimal value, string? unit,
        bool exclude = false, Window? window = null, Source? source = null)
    {
        var quantity = unit is null ? new FhirQuantity { Value = value } : UcumQuantity(value, unit)!;
        return Add(itemId, system, code, display, Comparator(quantity, comparator), exclude, source, window);
    }

    public GroupBuilder Between(string itemId, string system, string code, string display, decimal low, decimal high, string? unit, bool exclude = false) =>
        Add(itemId, system, code, display, new FhirRange { Low = unit is null ? new FhirQuantity { Value = low } : UcumQuantity(low, unit), High = unit is null ? new FhirQuantity { Value = high } : UcumQuantity(high, unit) }, exclude);

    /// <summary>"&gt; 1.5 × ULN" (or LLN): a quantity in the FhirTrials unit.</summary>
    public GroupBuilder Multiple(string itemId, string loinc, string display, string comparator, decimal value, bool upper = true, bool exclude = true)
    {
        var quantity = new FhirQuantity { Value = value, Unit = upper ? "× ULN" : "× LLN", System = EligibilitySystem, Code = upper ? "uln-multiple" : "lln-multiple" };
        return Add(itemId, Loinc, loinc, display, Comparator(quantity, comparator), exclude);
    }

    public GroupBuilder Condition(string itemId, string snomed, string display, bool exclude = false, Window? window = null) =>
        Add(itemId, Snomed, snomed, display, new FhirBoolean(true), exclude, null, window);

    public GroupBuilder Therapy(string itemId, string words, bool exclude = false, Window? window = null) =>
        Add(itemId, EligibilitySystem, "therapy-or-event", "Therapy, procedure, exposure or event named in text", new FhirBoolean(true), exclude, null, window, text: words);

    public GroupBuilder Participation(string itemId, bool exclude = true, Window? window = null) =>
        Add(itemId, EligibilitySystem, "trial-participation", "Participation in a clinical study", new FhirBoolean(true), exclude, null, window);

    public GroupBuilder Consent(string itemId) => Add(itemId, EligibilitySystem, "informed-consent", "Informed consent", new FhirBoolean(true), false);

    public GroupBuilder HealthyVolunteers(bool accepted) => Add(null, EligibilitySystem, "healthy-volunteers", "Healthy volunteers accepted", new FhirBoolean(accepted), false);

    public GroupBuilder FreeText(string itemId, string text, bool exclude = false) =>
        Add(itemId, EligibilitySystem, "free-text", "Criterion kept as text", new CodeableConcept { Text = text }, exclude, new Source(text, 0, text.Length));

    private GroupBuilder Add(string? itemId, string system, string code, string display, DataType value, bool exclude, Source? source = null, Window? window = null, string? text = null)
    {
        var characteristic = new Group.CharacteristicComponent
        {
            Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code, Display = display }], Text = text ?? display },
            Value = value,
            Exclude = exclude,
        };
        if (itemId is not null)
        {
            var itemText = source?.ItemText ?? display;
            var extension = characteristic.AddExtension(SourceUrl);
            extension.AddExtension("itemId", new FhirString(itemId));
            extension.AddExtension("itemText", new FhirString(itemText));
            var span = extension.AddExtension("span");
            span.AddExtension("start", new Integer(source?.Start ?? 0));
            span.AddExtension("length", new Integer(source?.Length ?? itemText.Length));
        }

        if (window is not null)
        {
            var extension = characteristic.AddExtension(WindowUrl);
            extension.AddExtension("duration", new Duration { Value = window.Value, Unit = window.Unit, System = Ucum, Code = window.Unit });
            extension.AddExtension("relation", new Code(window.Relation));
            extension.AddExtension("text", new FhirString($"{window.Relation} {window.Value} {window.Unit}"));
        }

        _group.Characteristic.Add(characteristic);
        return this;
    }

    private static FhirQuantity? UcumQuantity(decimal? value, string unit) =>
        value is { } v ? new FhirQuantity { Value = v, Unit = unit, System = Ucum, Code = unit } : null;

    private static FhirQuantity Comparator(FhirQuantity quantity, string comparator)
    {
        if (comparator.Length > 0)
        {
            quantity.ComparatorElement = new Code<QuantityComparator> { LexicalValue = comparator };
        }

        return quantity;
    }

    private static CodeableConcept Gender(string gender) =>
        new() { Coding = [new Coding { System = "http://hl7.org/fhir/administrative-gender", Code = gender, Display = gender }] };
}

/// <summary>A criterion-time-window: value, UCUM unit and relation (within, before, at-least, at-most).</summary>
internal sealed record Window(decimal Value, string Unit, string Relation);

/// <summary>The item text a criterion was read from and its span.</summary>
internal sealed record Source(string ItemText, int Start, int Length)
{
    /// <summary>The span of <paramref name="words"/> in <paramref name="itemText"/>.</summary>
    public static Source Of(string itemText, string words) => new(itemText, itemText.IndexOf(words, StringComparison.Ordinal), words.Length);
}
