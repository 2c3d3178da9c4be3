using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Builders;

/// <summary>
/// Rules of a type that no ElementDefinition states but FHIR requires, added at the root of the
/// type's definition: a Coding's code must exist in a CodeSystem we hold; Bundle fullUrls and links;
/// an Attachment's size; a StructureDefinition's differential must build a snapshot; a
/// QuestionnaireResponse must answer its Questionnaire; search parameters must fit their definitions;
/// the text policies of <see cref="ValidatorSettings"/> (example URLs, HTML in markdown and strings).
/// </summary>
internal sealed class NativeRulesBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (!context.IsRoot)
        {
            return;
        }

        switch (context.Compiler.Definition.Type)
        {
            case "Coding":
                assertions.Add(new CodingAssertion(context.Services.Terminology));
                break;
            case "Bundle":
                assertions.Add(new BundleRules());
                break;
            case "Attachment":
                assertions.Add(new AttachmentRules());
                break;
            case "StructureDefinition":
                assertions.Add(new StructureDefinitionRules());
                break;
            case "xhtml":
                assertions.Add(new XhtmlRule());
                break;
            case "uri" or "url" or "canonical":
                assertions.Add(new UuidUriRule());
                if (!context.Services.Settings.AllowExampleUrls)
                {
                    assertions.Add(new ExampleUrlRule());
                }

                break;
            case "markdown":
                assertions.Add(new EmbeddedHtmlRule(markdown: true, isError: context.Services.Settings.NoHtmlInMarkdown));
                break;
            case "string" when context.Services.Settings.SecurityChecks:
                assertions.Add(new EmbeddedHtmlRule(markdown: false, isError: true));
                break;
            case "SearchParameter":
                assertions.Add(new SearchParameterRules());
                break;
            case "CapabilityStatement":
                assertions.Add(new CapabilityStatementRules());
                break;
            case "QuestionnaireResponse":
                assertions.Add(new Questionnaires.QuestionnaireResponseRules());
                break;
        }
    }
}
