using System.Collections.Frozen;

namespace FhirTrials.FhirPath.Functions;

/// <summary>The built-in functions by name. Type-taking functions (<c>is</c>, <c>as</c>, <c>ofType</c>) and <c>sort</c> are compiled specially.</summary>
internal sealed class FunctionTable
{
    private static readonly Lazy<FrozenDictionary<string, FunctionDefinition>> All = new(Build);
    private readonly Dictionary<string, FunctionDefinition> _functions = new(StringComparer.Ordinal);

    private FunctionTable()
    {
    }

    public static FunctionDefinition? Find(string name) => All.Value.GetValueOrDefault(name);

    public void Add(FunctionDefinition function) => _functions.Add(function.Name, function);

    private static FrozenDictionary<string, FunctionDefinition> Build()
    {
        var table = new FunctionTable();
        ExistenceFunctions.Register(table);
        FilteringFunctions.Register(table);
        SubsettingFunctions.Register(table);
        ConversionFunctions.Register(table);
        StringFunctions.Register(table);
        StringEncodingFunctions.Register(table);
        MathFunctions.Register(table);
        UtilityFunctions.Register(table);
        BoundaryFunctions.Register(table);
        FhirFunctions.Register(table);
        return table._functions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
