using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Questionnaires;

/// <summary>
/// A QuestionnaireResponse against its Questionnaire (found by <c>questionnaire</c>, contained or in
/// the loaded packages), as the HL7 validator checks it: every item's linkId exists at its level,
/// required items are answered, items that do not repeat have one answer, display and group items have
/// none, and each answer fits its item (type, options, value sets, limits; see <see cref="AnswerRules"/>).
/// Items disabled by <c>enableWhen</c> are not required.
/// </summary>
internal sealed class QuestionnaireResponseRules : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Child("questionnaire")?.Text is not { } canonical || Resolve(node, canonical, scope) is not { } questionnaire)
        {
            return;
        }

        var walk = new Walk(node, scope);
        walk.Items(questionnaire.ChildrenNamed("item").Select(i => new QuestionnaireItem(i)).ToList(), node);
    }

    private static ElementNode? Resolve(ElementNode response, string canonical, ValidationScope scope)
    {
        if (canonical.StartsWith('#'))
        {
            return response.ChildrenNamed("contained").FirstOrDefault(c => c.Type?.Name == "Questionnaire" && c.Child("id")?.Text == canonical[1..]);
        }

        return scope.Services.Resolver.ResolveNode(canonical) is { Type.Name: "Questionnaire" } q ? q : null;
    }

    /// <summary>One walk over a response.</summary>
    private sealed class Walk(ElementNode response, ValidationScope scope)
    {
        private readonly EnableWhen _enableWhen = new(response);

        public void Items(IReadOnlyList<QuestionnaireItem> definitions, ElementNode holder)
        {
            var answered = holder.ChildrenNamed("item").ToList();
            foreach (var item in answered)
            {
                var linkId = item.Child("linkId")?.Text;
                if (linkId is not null && !definitions.Any(d => d.LinkId == linkId))
                {
                    scope.Error(IssueType.Structure, item, $"linkId '{linkId}' is not an item of the questionnaire at this level", "qr-linkid-unknown");
                }
            }

            foreach (var definition in definitions)
            {
                var matches = answered.Where(i => i.Child("linkId")?.Text == definition.LinkId).ToList();
                if (matches.Count == 0)
                {
                    if (definition.Required && _enableWhen.IsEnabled(definition))
                    {
                        scope.Error(IssueType.Required, holder, $"no response answer found for the required item '{definition.LinkId}'", "qr-required");
                    }

                    continue;
                }

                if (!definition.Repeats && matches.Count > 1)
                {
                    scope.Error(IssueType.Structure, matches[1], $"only one response item with linkId '{definition.LinkId}' is allowed: the item does not repeat", "qr-item-repeats");
                }

                foreach (var match in matches)
                {
                    Item(definition, match);
                }
            }
        }

        private void Item(QuestionnaireItem definition, ElementNode item)
        {
            var answers = item.ChildrenNamed("answer").ToList();
            if (AnswerTypes.TakesNoAnswers(definition.Type))
            {
                if (answers.Count > 0)
                {
                    scope.Error(IssueType.Structure, item, $"items of type '{definition.Type}' cannot have answers", "qr-no-answers");
                }

                if (definition.Type == "group" && definition.Required && item.Child("item") is null && _enableWhen.IsEnabled(definition))
                {
                    scope.Error(IssueType.Required, item, $"no sub-items found for the required group '{definition.LinkId}'", "qr-group-required");
                }

                Items([.. definition.Items], item);
                return;
            }

            CheckAnswerCount(definition, item, answers);
            var rules = new AnswerRules(definition, scope);
            foreach (var answer in answers)
            {
                rules.Validate(answer, answers);
                Items([.. definition.Items], answer);
            }
        }

        private void CheckAnswerCount(QuestionnaireItem definition, ElementNode item, List<ElementNode> answers)
        {
            if (!definition.Repeats && answers.Count > 1)
            {
                scope.Error(IssueType.Structure, item, $"only one answer is allowed for '{definition.LinkId}': the item does not repeat", "qr-answer-repeats");
            }

            if (definition.Required && answers.Count == 0 && _enableWhen.IsEnabled(definition))
            {
                scope.Error(IssueType.Required, item, $"no response answer found for the required item '{definition.LinkId}'", "qr-required");
            }

            if (definition.IntegerExtension(QuestionnaireItem.Core + "questionnaire-minOccurs") is { } min && answers.Count < min)
            {
                scope.Error(IssueType.Structure, item, $"the minimum number of answers is {min}, but this has {answers.Count}", "qr-min-occurs");
            }

            if (definition.IntegerExtension(QuestionnaireItem.Core + "questionnaire-maxOccurs") is { } max && answers.Count > max)
            {
                scope.Error(IssueType.Structure, item, $"the maximum number of answers is {max}, but this has {answers.Count}", "qr-max-occurs");
            }
        }
    }
}
