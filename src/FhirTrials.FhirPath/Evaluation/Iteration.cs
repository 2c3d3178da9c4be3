namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// Runs arguments once per input item with <c>$this</c> and <c>$index</c> set, restoring the outer
/// values afterwards. Use: <c>var it = new Iteration(state); ... it.Enter(item, i) ... it.Exit();</c>
/// </summary>
internal readonly struct Iteration
{
    private readonly EvalState _state;
    private readonly ItemList _savedThis;
    private readonly int _savedIndex;
    private readonly ItemList _single;

    public Iteration(EvalState state)
    {
        _state = state;
        _savedThis = state.ThisList;
        _savedIndex = state.Index;
        _single = state.Rent();
    }

    /// <summary>Makes <paramref name="item"/> the current <c>$this</c> and returns it as a one-item focus.</summary>
    public ItemList Enter(in FhirPathItem item, int index)
    {
        _single.Clear();
        _single.Add(item);
        _state.ThisList = _single;
        _state.Index = index;
        return _single;
    }

    public void Exit()
    {
        _state.ThisList = _savedThis;
        _state.Index = _savedIndex;
        _state.Return(_single);
    }
}
