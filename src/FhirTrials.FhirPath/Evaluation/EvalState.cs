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

    private readonly ItemList _empty = new(1);
    private readonly ItemList _resource = new(1);
    private readonly ItemList _rootResource = new(1);
    private readonly ItemList _contextNode = new(1);
    private ItemList[] _pool = new ItemList[16];
    private int _poolCount;
    private bool _resourceSet;
    private bool _rootResourceSet;
    private bool _contextSet;
    private ElementNode? _focusNode;
    private ItemList? _rootFocus;
    private DateTimeOffset? _now;

    private EvalState()
    {
        Context = DefaultContext;
        ThisList = _empty;
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

    public ItemList ResourceList => Fill(_resource, ref _resourceSet, Context.Resource ?? _focusNode?.EnclosingResource);

    public ItemList RootResourceList => Fill(_rootResource, ref _rootResourceSet, Context.RootResource ?? RootOf(Context.Resource ?? _focusNode?.EnclosingResource));

    public ItemList ContextList => Context.Context is { } c ? Fill(_contextNode, ref _contextSet, c) : _rootFocus ?? _empty;

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
        ThisList = _empty;
        Total = null;
        Index = 0;
        _resource.Clear();
        _rootResource.Clear();
        _contextNode.Clear();
        _resourceSet = _rootResourceSet = _contextSet = false;
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

    /// <summary>Fills one of the environment lists on first use in this evaluation.</summary>
    private static ItemList Fill(ItemList list, ref bool isSet, ElementNode? node)
    {
        if (!isSet)
        {
            isSet = true;
            if (node is not null)
            {
                list.Add(FhirPathItem.FromNode(node));
            }
        }

        return list;
    }
}
