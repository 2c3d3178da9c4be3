using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Writing;
using Microsoft.AspNetCore.Http;

namespace FhirTrials.Server.Rest;

public static partial class ResourceApi
{
    private static async Task CreateAsync(HttpContext context, string type, IFhirStore store, ResourceWriter writer, ConditionalSearch conditional)
    {
        ResourceTypes.Check(type);
        var body = await FhirHttp.ReadBodyAsync(context.Request, context.RequestAborted);
        var prepared = writer.Prepare(body, type, "request body");
        var ifNoneExist = context.Request.Headers["If-None-Exist"].ToString();
        StoredResource stored;
        var status = 201;
        await using (var transaction = await store.BeginAsync(context.RequestAborted))
        {
            if (ifNoneExist.Length > 0 && await conditional.ExistingAsync(transaction, type, ifNoneExist, context.RequestAborted) is { } existing)
            {
                stored = (await transaction.ReadForUpdateAsync(existing.Type, existing.Id, context.RequestAborted))!;
                status = 200;
            }
            else
            {
                stored = (await writer.CreateAsync(transaction, prepared, writer.NewId(), context.RequestAborted)).Resource;
            }

            await transaction.CommitAsync(context.RequestAborted);
        }

        await FhirHttp.WriteResourceAsync(context, stored, status, location: true, PreferHeader.Return(context.Request));
    }

    private static async Task UpdateAsync(HttpContext context, string type, string id, IFhirStore store, ResourceWriter writer)
    {
        ResourceTypes.Check(type);
        ResourceTypes.CheckId(id);
        var body = await FhirHttp.ReadBodyAsync(context.Request, context.RequestAborted);
        var prepared = writer.Prepare(body, type, "request body");
        if (prepared.Id != id)
        {
            throw new FhirOperationException(400, IssueType.Invalid, prepared.Id is null
                ? $"the resource has no id; PUT {type}/{id} needs \"id\": \"{id}\""
                : $"the resource's id '{prepared.Id}' differs from '{id}' in the URL");
        }

        await UpdateCoreAsync(context, store, writer, prepared, id, FhirHttp.IfMatch(context.Request));
    }

    private static async Task ConditionalUpdateAsync(HttpContext context, string type, IFhirStore store, ResourceWriter writer, ConditionalSearch conditional)
    {
        ResourceTypes.Check(type);
        var criteria = context.Request.QueryString.Value ?? string.Empty;
        if (criteria.Length <= 1)
        {
            throw new FhirOperationException(405, IssueType.NotSupported, $"PUT {type} needs an id (PUT {type}/[id]) or search criteria (PUT {type}?identifier=…)");
        }

        var body = await FhirHttp.ReadBodyAsync(context.Request, context.RequestAborted);
        var prepared = writer.Prepare(body, type, "request body");
        await using var transaction = await store.BeginAsync(context.RequestAborted);
        var id = await conditional.TargetAsync(transaction, type, criteria, prepared.Id, context.RequestAborted) ?? writer.NewId();
        var outcome = await writer.UpdateAsync(transaction, prepared, id, FhirHttp.IfMatch(context.Request), context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        await FhirHttp.WriteResourceAsync(context, outcome.Resource, outcome.Status, location: true, PreferHeader.Return(context.Request));
    }

    private static async Task UpdateCoreAsync(HttpContext context, IFhirStore store, ResourceWriter writer, PreparedResource prepared, string id, long? ifMatch)
    {
        await using var transaction = await store.BeginAsync(context.RequestAborted);
        var outcome = await writer.UpdateAsync(transaction, prepared, id, ifMatch, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);
        await FhirHttp.WriteResourceAsync(context, outcome.Resource, outcome.Status, location: true, PreferHeader.Return(context.Request));
    }

    private static async Task DeleteAsync(HttpContext context, string type, string id, IFhirStore store, ResourceWriter writer)
    {
        ResourceTypes.Check(type);
        ResourceTypes.CheckId(id);
        StoredResource? deleted;
        await using (var transaction = await store.BeginAsync(context.RequestAborted))
        {
            deleted = await writer.DeleteAsync(transaction, type, id, FhirHttp.IfMatch(context.Request), context.RequestAborted);
            await transaction.CommitAsync(context.RequestAborted);
        }

        await WriteDeletedAsync(context, deleted, $"{type}/{id}");
    }

    private static async Task ConditionalDeleteAsync(HttpContext context, string type, IFhirStore store, ResourceWriter writer, ConditionalSearch conditional)
    {
        ResourceTypes.Check(type);
        var criteria = context.Request.QueryString.Value ?? string.Empty;
        if (criteria.Length <= 1)
        {
            throw new FhirOperationException(405, IssueType.NotSupported, $"DELETE {type} needs an id (DELETE {type}/[id]) or search criteria");
        }

        StoredResource? deleted = null;
        await using (var transaction = await store.BeginAsync(context.RequestAborted))
        {
            var matches = await conditional.FindAsync(transaction, type, criteria, 2, context.RequestAborted);
            if (matches.Count > 1)
            {
                throw new FhirOperationException(412, IssueType.Duplicate, $"several {type} resources match '{criteria}': be more specific");
            }

            if (matches.Count == 1)
            {
                deleted = await writer.DeleteAsync(transaction, type, matches[0].Id, FhirHttp.IfMatch(context.Request), context.RequestAborted);
            }

            await transaction.CommitAsync(context.RequestAborted);
        }

        await WriteDeletedAsync(context, deleted, $"{type}?{criteria.TrimStart('?')}");
    }

    private static Task WriteDeletedAsync(HttpContext context, StoredResource? deleted, string what)
    {
        if (deleted is not null)
        {
            context.Response.Headers.ETag = deleted.ETag;
        }

        if (PreferHeader.Return(context.Request) == ReturnMode.OperationOutcome)
        {
            return FhirHttp.WriteOutcomeAsync(context, 200, Outcome.Information(deleted is null ? $"{what}: nothing to delete" : $"{what} deleted (version {deleted.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
