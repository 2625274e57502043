using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.GraphQL.Types;

/// <summary>What a part's fields resolve from: the part's JSON in its item.</summary>
internal sealed record PartSource(ContentItem Item, JsonObject Json);

/// <summary>What a content field's subfields resolve from: the field's JSON and its definition (for its settings).</summary>
internal sealed record FieldSource(ContentItem Item, JsonObject Json, ContentPartFieldDefinition Definition);
