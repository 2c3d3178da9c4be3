using System.Globalization;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Questionnaires;

/// <summary>A Questionnaire item as the response rules read it: linkId, type, flags, options and the SDC/core extensions that constrain answers.</summary>
internal sealed class QuestionnaireItem(ElementNode node)
{
    public const string Core = "http://hl7.org/fhir/StructureDefinition/";
    public const string Sdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";

    public ElementNode Node => node;

    public string? LinkId => node.Child("linkId")?.Text;

    public string Type => node.Child("type")?.Text ?? "string";

    public bool Required => IsTrue("required");

    public bool Repeats => IsTrue("repeats");

    public int? MaxLength => int.TryParse(node.Child("maxLength")?.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public string? AnswerValueSet => node.Child("answerValueSet")?.Text;

    public IEnumerable<ElementNode> AnswerOptions => node.ChildrenNamed("answerOption");

    public IEnumerable<QuestionnaireItem> Items => node.ChildrenNamed("item").Select(i => new QuestionnaireItem(i));

    /// <summary>The value of the item's extension with this URL (the first), or null.</summary>
    public ElementNode? Extension(string url) => ExtensionValues(url).FirstOrDefault();

    public IEnumerable<ElementNode> ExtensionValues(string url) =>
        node.ChildrenNamed("extension").Where(e => string.Equals(e.Child("url")?.Text, url, StringComparison.Ordinal)).Select(e => e.Child("value")).OfType<ElementNode>();

    public int? IntegerExtension(string url) =>
        int.TryParse(Extension(url)?.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private bool IsTrue(string name) => string.Equals(node.Child(name)?.Text, "true", StringComparison.Ordinal);
}
