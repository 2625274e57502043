using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Queries;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Queries;

/// <summary>
/// Root fields for stored queries with a schema, as Orchard's query field providers make them (ORCHARD-SPEC §2.7): a
/// list of the content type's object type for <c>"type": "ContentItem/{Type}"</c> queries returning items, otherwise
/// an object type with one field per schema property read from the hits' stored fields.
/// </summary>
internal static class QueryRootFields
{
    private const string ContentItemPrefix = "ContentItem/";

    public static void Add(SchemaBuildContext schema, ObjectGraphType query, IReadOnlyList<QueryFieldDefinition> queries, ILogger logger)
    {
        foreach (var definition in queries)
        {
            if (string.IsNullOrWhiteSpace(definition.Schema)) continue;
            if (ParseSchema(definition.Schema) is not { } json || Text(json["type"]) is not { } type)
            {
                logger.LogWarning("The query {Query} is not a GraphQL field: its schema is not a JSON object with a \"type\".", definition.QueryName);
                continue;
            }
            var name = Text(json["fieldTypeName"]) ?? definition.QueryName;
            if (!GraphQLNames.IsValid(name))
            {
                logger.LogWarning("The query {Query} is not a GraphQL field: '{Name}' is not a valid GraphQL name.", definition.QueryName, name);
                continue;
            }
            if (query.GetField(name) is not null)
            {
                logger.LogWarning("The query {Query} is not a GraphQL field: the root field '{Name}' exists already; set the schema's fieldTypeName.", definition.QueryName, name);
                continue;
            }
            var field = definition.ReturnContentItems && type.StartsWith(ContentItemPrefix, StringComparison.Ordinal)
                ? ItemsField(schema, name, definition, type[ContentItemPrefix.Length..], logger)
                : DocumentsField(schema, name, definition, json, logger);
            if (field is null) continue;
            field.Arguments = new QueryArguments(Argument("parameters", schema.Scalars.String, "The query's parameters, as a JSON object."));
            query.AddField(field);
        }
    }

    private static FieldType? ItemsField(SchemaBuildContext schema, string name, QueryFieldDefinition definition, string contentType, ILogger logger)
    {
        if (!schema.ObjectTypes.TryGetValue(contentType, out var objectType))
        {
            logger.LogWarning("The query {Query} is not a GraphQL field: the content type '{Type}' is not in the schema.", definition.QueryName, contentType);
            return null;
        }
        return AsyncField(name, schema.Scalars.List(objectType), async c =>
        {
            var user = GraphQLUserContext.From(c);
            var results = await RunAsync(c, user, definition.QueryName);
            return await schema.ViewableAsync(user, results.Items.Where(i => i.ContentType == contentType), c.CancellationToken);
        }, $"The {objectType.Name} items of the stored query {definition.QueryName} the caller may view.");
    }

    private static FieldType? DocumentsField(SchemaBuildContext schema, string name, QueryFieldDefinition definition, JsonObject json, ILogger logger)
    {
        var hit = new ObjectGraphType { Name = schema.UniqueTypeName(name, "Hit"), Description = $"A hit of the stored query {definition.QueryName}." };
        foreach (var (property, value) in json["properties"] as JsonObject ?? [])
        {
            var fieldName = property.Replace('.', '_');
            IGraphType? graphType = Text(value?["type"])?.ToLowerInvariant() switch
            {
                "string" => schema.Scalars.String,
                "integer" => schema.Scalars.Int,
                _ => null,
            };
            if (graphType is null || !GraphQLNames.IsValid(fieldName) || hit.GetField(fieldName) is not null)
            {
                logger.LogWarning("The query {Query}: the schema property '{Property}' is left out (unknown type or name).", definition.QueryName, property);
                continue;
            }
            hit.AddField(Field(fieldName, graphType, c => StoredValue((JsonObject)c.Source!, property, graphType is IntGraphType)));
        }
        if (hit.Fields.Count == 0)
        {
            logger.LogWarning("The query {Query} is not a GraphQL field: its schema has no string or integer properties.", definition.QueryName);
            return null;
        }
        return AsyncField(name, schema.Scalars.List(hit), async c =>
        {
            var results = await RunAsync(c, GraphQLUserContext.From(c), definition.QueryName);
            return results.Documents;
        }, $"The hits of the stored query {definition.QueryName}.");
    }

    private static async Task<QueryFieldResults> RunAsync(IResolveFieldContext c, GraphQLUserContext user, string queryName)
    {
        JsonObject? parameters = null;
        if (c.GetArgument<string?>("parameters") is { Length: > 0 } text)
        {
            try
            {
                parameters = JsonNode.Parse(text) as JsonObject ?? throw new ExecutionError("parameters: not a JSON object, e.g. {\"size\": 3}");
            }
            catch (JsonException ex)
            {
                throw new ExecutionError($"parameters: not a JSON object ({ex.Message})");
            }
        }
        var source = user.RequestServices.GetRequiredService<IQueryFieldSource>();
        try
        {
            return await user.WithStoreAsync(() => source.RunAsync(queryName, parameters, c.CancellationToken), c.CancellationToken);
        }
        catch (QueryFieldException ex)
        {
            throw new ExecutionError(ex.Message);
        }
    }

    private static object? StoredValue(JsonObject document, string property, bool integer)
    {
        var value = document[property] is JsonArray values ? values.FirstOrDefault() : document[property];
        if (value is not JsonValue v) return null;
        if (!integer) return v.ToString();
        return double.TryParse(v.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (int)n : null;
    }

    private static JsonObject? ParseSchema(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
