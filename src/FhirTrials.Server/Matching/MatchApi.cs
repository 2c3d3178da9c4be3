using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FhirTrials.Server.Matching;

/// <summary>
/// <c>POST [base]/ResearchStudy/$match</c> (CodeX trial matching): a Parameters with
/// <c>trialMatchClinicalData</c> (a Bundle with the Patient; a bare <c>patient</c> resource works too) and
/// optional <c>phase</c> and <c>recruitmentStatus</c> filters; returns a searchset Bundle of the studies the
/// patient may be eligible for, best first, each with <c>search.score</c> and the per-criterion outcome.
/// </summary>
public static partial class MatchApi
{
    public static IEndpointRouteBuilder MapMatchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/ResearchStudy/$match", MatchAsync);
        return endpoints;
    }

    private static async Task MatchAsync(HttpContext context, IFhirStore store, SearchQueryParser parser, IStudyMatcher matcher, IResourceValidator validator, SearchOptions options, TimeProvider time)
    {
        var body = await FhirHttp.ReadBodyAsync(context.Request, context.RequestAborted);
        var checkedBody = validator.Validate(body, "Parameters");
        if (checkedBody.Malformed || checkedBody.Resource is not { Type.Name: "Parameters" } parameters)
        {
            throw new FhirOperationException(400, checkedBody.Malformed ? checkedBody.Outcome : Outcome.Error(IssueType.Invalid, "$match takes a Parameters resource"));
        }

        if (!checkedBody.IsValid)
        {
            throw new FhirOperationException(422, checkedBody.Outcome);
        }

        var patientData = Parameter(parameters, "trialMatchClinicalData")?.Child("resource") ?? Parameter(parameters, "patient")?.Child("resource")
            ?? throw new FhirOperationException(400, IssueType.Required, "$match needs the parameter trialMatchClinicalData (a Bundle with the Patient) or patient");
        if (BasicStudyMatcher.FindPatient(patientData) is null)
        {
            throw new FhirOperationException(400, IssueType.Required, "the patient data holds no Patient resource");
        }

        var criteria = new List<KeyValuePair<string, string>> { new("enrollment:missing", "false") };
        AddFilter(criteria, "phase", ValueString(Parameter(parameters, "phase")));
        AddFilter(criteria, "recruitment", ValueString(Parameter(parameters, "recruitmentStatus")));
        var query = parser.Parse("ResearchStudy", criteria, SearchHandling.Strict);
        var studies = await store.ReadByPksAsync(await store.SearchAsync(query, options.MaxResults, context.RequestAborted), context.RequestAborted);
        var matches = await MatchStudiesAsync(studies, patientData, store, matcher, context.RequestAborted);
        await FhirHttp.WriteJsonAsync(context, 200, Write(matches, FhirHttp.BaseUrl(context), time.GetUtcNow()));
    }

    private static async Task<List<(StoredResource Study, StudyMatch Match)>> MatchStudiesAsync(IReadOnlyList<StoredResource> studies, ElementNode patientData, IFhirStore store, IStudyMatcher matcher, CancellationToken cancellationToken)
    {
        var enrollment = new Dictionary<long, ResourceKey>();
        foreach (var study in studies)
        {
            var node = Fhir.Serialization.FhirJsonParser.ParseNode(study.Json);
            var reference = node.ChildrenNamed("enrollment").Select(e => e.Child("reference")?.Text).FirstOrDefault(r => r is not null);
            if (reference?.Split('/') is [.., "Group", var id])
            {
                enrollment[study.Pk] = new ResourceKey("Group", id);
            }
        }

        var groups = (await store.ReadByKeysAsync(enrollment.Values.Distinct().ToArray(), cancellationToken)).ToDictionary(g => g.Id, StringComparer.Ordinal);
        var results = new List<(StoredResource, StudyMatch)>();
        foreach (var study in studies)
        {
            if (!enrollment.TryGetValue(study.Pk, out var key) || !groups.TryGetValue(key.Id, out var group))
            {
                continue;
            }

            var match = matcher.Match(Fhir.Serialization.FhirJsonParser.ParseNode(group.Json), patientData);
            if (match.Verdict != MatchVerdict.Ineligible)
            {
                results.Add((study, match));
            }
        }

        return [.. results.OrderByDescending(r => r.Item2.Score).ThenBy(r => r.Item1.Pk)];
    }

    private static ElementNode? Parameter(ElementNode parameters, string name) =>
        parameters.ChildrenNamed("parameter").FirstOrDefault(p => p.Child("name")?.Text == name);

    private static string? ValueString(ElementNode? parameter) => parameter?.Child("value")?.Text;

    private static void AddFilter(List<KeyValuePair<string, string>> criteria, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            criteria.Add(new KeyValuePair<string, string>(name, value));
        }
    }
}
