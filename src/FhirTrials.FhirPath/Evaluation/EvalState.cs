using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// The mutable state of one evaluation: the context, the iteration variables (<c>$this</c>,
/// <c>$index</c>, <c>$total</c>) and a pool of item buffers. One instance is cached per thread and
/// reused, so evaluating allocates almost nothing; nested evaluations (from hooks) get their own.
/// </summary>
internal sealed class EvalState
{
    private static readonly EvaluationContext DefaultContext = new();

    [ThreadStatic]
    private static EvalState? _cached;

    private ItemList[] _pool = new ItemList[16];
    private int _poolCount;
    private ItemList? _resource;
    private ItemList? _rootResource;
    private ItemList? _contextNode;
    private ElementNode? _focusNode;
    private ItemList? _rootFocus;
    private DateTimeOffset? _now;

    private EvalState()
    {
        Context = DefaultContext;
        ThisList = new ItemList();
    }

    public EvaluationContext Context { get; private set; }

    /// <summary>The current <c>$this</c> as a collection: what paths and function arguments start from.</summary>
    public ItemList ThisList { get; set; }

    /// <summary>The current <c>$index</c>.</summary>
    public int Index { get; set; }

    /// <summary>The current <c>$total</c> (inside <c>aggregate()</c>).</summary>
    public ItemList? Total { get; set; }

    /// <summary>The expression text, for error messages.</summary>
    public string Expression { get; private set; } = string.Empty;

    /// <summary>The moment of this evaluation (local time of the context's clock); <c>now()</c> is stable within one evaluation.</summary>
    public DateTimeOffset Now => _now ??= Context.TimeProvider.GetLocalNow();

    public ItemList ResourceList => _resource ??= Single(Context.Resource ?? _focusNode?.EnclosingResource);

    public ItemList RootResourceList => _rootResource ??= Single(Context.RootResource ?? RootOf(Context.Resource ?? _focusNode?.EnclosingResource));

    public ItemList ContextList => _contextNode ??= Context.Context is { } c ? Single(c) : _rootFocus ?? new ItemList(1);

    public static EvalState Acquire(EvaluationContext? context, string expression)
    {
        var state = _cached ?? new EvalState();
        _cached = null;
        state.Context = context ?? DefaultContext;
        state.Expression = expression;
        return state;
    }

    /// <summary>Sets the root focus: <c>$this</c> and the node the defaults of <c>%resource</c> and <c>%context</c> come from.</summary>
    public void SetRoot(ItemList focus, ElementNode? focusNode)
    {
        ThisList = focus;
        _rootFocus = focus;
        _focusNode = focusNode;
    }

    public void Release()
    {
        Context = DefaultContext;
        ThisList = new ItemList();
        Total = null;
        Index = 0;
        _resource = _rootResource = _contextNode = null;
        _focusNode = null;
        _rootFocus = null;
        _now = null;
        _cached = this;
    }

    public ItemList Rent()
    {
        if (_poolCount > 0)
        {
            return _pool[--_poolCount];
        }

        return new ItemList();
    }

    public void Return(ItemList list)
    {
        list.Clear();
        if (_poolCount == _pool.Length)
        {
            Array.Resize(ref _pool, _pool.Length * 2);
        }

        _pool[_poolCount++] = list;
    }

    /// <summary>Runs <paramref name="node"/> on the current <c>$this</c> (how function arguments are evaluated) into a rented list.</summary>
    public ItemList EvaluateArgument(EvalNode node)
    {
        var result = Rent();
        node.Evaluate(this, ThisList, result);
        return result;
    }

    private static ElementNode? RootOf(ElementNode? resource)
    {
        var r = resource;
        while (r?.Parent is { IsResource: true } container && string.Equals(r.Name, "contained", StringComparison.Ordinal))
        {
            r = container;
        }

        return r;
    }

    private static ItemList Single(ElementNode? node)
    {
        var list = new ItemList(1);
        if (node is not null)
        {
            list.Add(FhirPathItem.FromNode(node));
        }

        return list;
    }
}
