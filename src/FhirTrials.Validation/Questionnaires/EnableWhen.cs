using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Questionnaires;

/// <summary>Decides whether an item is enabled by its <c>enableWhen</c> conditions, from the answers given anywhere in the response.</summary>
internal sealed class EnableWhen(ElementNode response)
{
    private Dictionary<string, List<ElementNode>>? _answers;

    public bool IsEnabled(QuestionnaireItem item)
    {
        var conditions = item.Node.ChildrenNamed("enableWhen").ToList();
        if (conditions.Count == 0)
        {
            return true;
        }

        var results = conditions.Select(Holds);
        return string.Equals(item.Node.Child("enableBehavior")?.Text, "any", StringComparison.Ordinal) ? results.Any(r => r) : results.All(r => r);
    }

    private bool Holds(ElementNode condition)
    {
        var question = condition.Child("question")?.Text ?? string.Empty;
        var op = condition.Child("operator")?.Text;
        var expected = condition.Child("answer");
        var answers = Answers().GetValueOrDefault(question) ?? [];
        if (op == "exists")
        {
            return answers.Count > 0 == string.Equals(expected?.Text, "true", StringComparison.Ordinal);
        }

        if (expected is null)
        {
            return false;
        }

        return answers.Any(a => op switch
        {
            "=" => Same(a, expected),
            "!=" => !Same(a, expected),
            ">" => ValueComparer.Compare(a, expected) is > 0,
            "<" => ValueComparer.Compare(a, expected) is < 0,
            ">=" => ValueComparer.Compare(a, expected) is >= 0,
            "<=" => ValueComparer.Compare(a, expected) is <= 0,
            _ => false,
        });
    }

    private static bool Same(ElementNode a, ElementNode b) =>
        a.Children.Count == 0 ? string.Equals(a.Text, b.Text, StringComparison.Ordinal)
            : string.Equals(a.Child("code")?.Text, b.Child("code")?.Text, StringComparison.Ordinal)
              && (b.Child("system") is null || string.Equals(a.Child("system")?.Text, b.Child("system")?.Text, StringComparison.Ordinal));

    private Dictionary<string, List<ElementNode>> Answers()
    {
        if (_answers is not null)
        {
            return _answers;
        }

        _answers = new Dictionary<string, List<ElementNode>>(StringComparer.Ordinal);
        Collect(response);
        return _answers;
    }

    private void Collect(ElementNode holder)
    {
        foreach (var item in holder.ChildrenNamed("item"))
        {
            var linkId = item.Child("linkId")?.Text ?? string.Empty;
            foreach (var answer in item.ChildrenNamed("answer"))
            {
                if (answer.Child("value") is { } value)
                {
                    if (!_answers!.TryGetValue(linkId, out var list))
                    {
                        _answers[linkId] = list = [];
                    }

                    list.Add(value);
                }

                Collect(answer);
            }

            Collect(item);
        }
    }
}
