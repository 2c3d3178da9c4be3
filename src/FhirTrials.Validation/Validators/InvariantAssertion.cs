using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>One invariant (<c>constraint</c>) evaluated at each node of its element, reported with its own severity.</summary>
internal sealed class InvariantAssertion : IAssertion
{
    private readonly ConstraintDef _constraint;
    private readonly IInvariantExpression _expression;
    private readonly IssueSeverity _severity;

    private readonly bool _onContainingElement;

    /// <param name="constraint">The invariant.</param>
    /// <param name="expression">Its compiled expression.</param>
    /// <param name="onContainingElement">True when the invariant belongs to an element of another type (not a type's root): on a resource it holds, <c>%resource</c> is then the holder.</param>
    public InvariantAssertion(ConstraintDef constraint, IInvariantExpression expression, bool onContainingElement)
    {
        _onContainingElement = onContainingElement;
        _constraint = constraint;
        _expression = expression;
        _severity = constraint.IsError && !constraint.BestPractice ? IssueSeverity.Error : IssueSeverity.Warning;
    }

    public string Key => _constraint.Key;

    public void Validate(ElementNode node, ValidationScope scope)
    {
        bool satisfied;
        try
        {
            var holder = _onContainingElement && node.IsResource ? node.Parent?.EnclosingResource : null;
            satisfied = _expression.IsSatisfied(node, scope, holder);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            scope.Warning(IssueType.Exception, node, $"the invariant {_constraint.Key} could not be evaluated ({ex.Message}): {_constraint.Expression}", _constraint.Key);
            return;
        }

        if (!satisfied)
        {
            var source = _constraint.Source is { } s ? $" (defined in {s})" : scope.Profile is { } p ? $" (defined in {p})" : string.Empty;
            scope.Report(_severity, IssueType.Invariant, node, $"constraint {_constraint.Key} failed: {_constraint.Human}{source}", _constraint.Key);
        }
    }
}
