namespace FhirTrials.Fhir.Model;

/// <summary>
/// A <c>code</c> bound (required) to a ValueSet the model has an enum for. The lexical value is kept
/// as written, so a code outside the enum still round-trips (the validator reports it).
/// </summary>
public sealed class Code<T> : PrimitiveType
    where T : struct, Enum
{
    public Code()
    {
    }

    public Code(T? value) => Value = value;

    /// <inheritdoc />
    public override string TypeName => "code";

    /// <summary>The enum member for the code; null when absent or not one of the ValueSet's codes.</summary>
    public T? Value
    {
        get => EnumLiterals.TryParse<T>(LexicalValue, out var value) ? value : null;
        set => LexicalValue = value is null ? null : EnumLiterals.GetLiteral(value.Value);
    }
}
