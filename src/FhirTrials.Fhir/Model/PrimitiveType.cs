using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Fhir.Model;

/// <summary>How a primitive's value is written in FHIR JSON.</summary>
public enum PrimitiveJsonKind
{
    String,
    Number,
    Boolean,
}

/// <summary>
/// A FHIR primitive: a value in its lexical form (as FHIR JSON writes it, so <c>1.50</c> stays
/// <c>1.50</c>), plus the id and extensions every element may carry.
/// </summary>
public abstract partial class PrimitiveType : DataType
{
    private LexicalText _lexical;

    /// <summary>The value exactly as written in FHIR JSON (numbers and booleans as their JSON text).</summary>
    public string? LexicalValue
    {
        get => _lexical.Get();
        set => _lexical.Set(value);
    }

    /// <summary>The value's storage: a parsed value stays source bytes until it is read.</summary>
    internal ref LexicalText Lexical => ref _lexical;

    /// <summary>True when the value is null or empty (without decoding it).</summary>
    internal bool HasNoLexicalValue => _lexical.IsNullOrEmpty;

    /// <summary>Whether JSON writes the value as a string, a number or a boolean.</summary>
    public virtual PrimitiveJsonKind JsonKind => PrimitiveJsonKind.String;

    /// <inheritdoc />
    public override bool IsEmpty => _lexical.IsNullOrEmpty && base.IsEmpty;

    /// <summary>True when the primitive carries an id or extensions (written under <c>_name</c> in JSON).</summary>
    public bool HasElementMembers => ElementId is not null || HasExtensions;

    public override string ToString() => LexicalValue ?? string.Empty;
}
