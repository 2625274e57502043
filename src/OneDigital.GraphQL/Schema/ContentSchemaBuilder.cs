using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Queries;
using OneDigital.Content.Querying;
using Microsoft.Extensions.Logging;
using OneDigital.GraphQL.Filters;
using OneDigital.GraphQL.Queries;
using OneDigital.GraphQL.Security;
using OneDigital.GraphQL.Types;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// Builds the content schema from the content definitions, with Orchard's names and shapes (ORCHARD-SPEC §2.3–2.6):
/// an object type per content type on the ContentItem interface, the type's own part collapsed into it, other parts as
/// fields; a root list field per type without a stereotype (widgets and menu items are reached through the items that
/// hold them, and by fragments on their types, as in Orchard); and beyond Orchard a <c>{field}Connection</c> root field
/// per listed type with the total count.
/// </summary>
internal static class ContentSchemaBuilder
{
    public static ISchema Build(ContentDefinitionDocument definitions, GraphQLOptions options, IReadOnlyList<QueryFieldDefinition> queries, ILogger logger)
    {
        var schema = new SchemaBuildContext(definitions, options);
        foreach (var name in new[] { "Query", "ContentItem", "Status", "OrderByDirection" }) schema.TypeNames.Add(name);
        foreach (var field in ContentItemFields.Create(schema.Scalars))
        {
            field.Resolver = null;
            schema.ContentItem.AddField(field);
        }

        var exposed = definitions.ContentTypes.Where(t => GraphQLNames.IsValid(GraphQLNames.Type(t.Name))).ToList();
        // Content types keep their technical names; reserve them before parts and fields take names.
        foreach (var type in exposed) schema.TypeNames.Add(GraphQLNames.Type(type.Name));

        var fieldTypes = new FieldGraphTypes(schema);
        var nested = new NestedItems(schema);
        var partTypes = new PartGraphTypes(schema, fieldTypes, nested);
        var filters = new ContentFilterInputs(schema);
        var query = new ObjectGraphType { Name = "Query", Description = "Content by type, and single items by id." };

        foreach (var type in exposed)
        {
            schema.ObjectTypes[type.Name] = ItemType(schema, type, partTypes, nested);
        }
        foreach (var type in exposed.Where(t => string.IsNullOrEmpty(t.TypeSettings.Stereotype)))
        {
            var objectType = schema.ObjectTypes[type.Name];
            var fieldName = GraphQLNames.Field(objectType.Name);
            if (fieldName == "contentItem" || query.GetField(fieldName) is not null) continue;
            var list = new ContentListQuery(type.Name, filters.Where(type, objectType.Name), filters.OrderBy(type, objectType.Name));
            query.AddField(ListField(schema, fieldName, objectType, list, type));
            var connectionName = fieldName + "Connection";
            if (query.GetField(connectionName) is null && !schema.TypeNames.Contains(objectType.Name + "Connection"))
            {
                query.AddField(ConnectionField(schema, connectionName, objectType, list, type));
            }
        }
        query.AddField(SingleItemField(schema));
        if (query.GetField("siteCultures") is null) query.AddField(SiteCultureFields.Create(schema));
        QueryRootFields.Add(schema, query, queries, logger);

        var result = new global::GraphQL.Types.Schema
        {
            Query = query,
            Description = "One Digital content, in Orchard Core's shapes.",
            // Names are made here already (AND, OR, NOT stay upper case, as in Orchard).
            NameConverter = global::GraphQL.Conversion.DefaultNameConverter.Instance,
        };
        result.RegisterType(schema.ContentItem);
        // Types with a stereotype have no root field to be found from: registered, so fragments on them validate.
        foreach (var objectType in schema.ObjectTypes.Values) result.RegisterType(objectType);
        if (nested.MenuItemIfCreated is { } menuItem) result.RegisterType(menuItem);
        result.Initialize();
        return result;
    }

    private static ObjectGraphType ItemType(SchemaBuildContext schema, ContentTypeDefinition type, PartGraphTypes partTypes, NestedItems nested)
    {
        var settings = type.TypeSettings;
        var objectType = new ObjectGraphType
        {
            Name = GraphQLNames.Type(type.Name),
            Description = settings.Description ?? $"A {type.DisplayName ?? type.Name} content item.",
        };
        foreach (var field in ContentItemFields.Create(schema.Scalars)) objectType.AddField(field);
        objectType.AddResolvedInterface(schema.ContentItem);
        schema.ContentItem.AddPossibleType(objectType);
        objectType.IsTypeOf = value => value is ContentItem item && item.ContentType == type.Name;

        foreach (var typePart in type.Parts)
        {
            var collapse = typePart.PartName == type.Name && typePart.Name == type.Name;
            if (collapse)
            {
                if (schema.Definitions.Part(typePart.PartName) is not { } own) continue;
                var partName = typePart.Name;
                foreach (var field in partTypes.ContentFields(own, s => (ContentItem)s!, s => ((ContentItem)s!).Part(partName)))
                {
                    // A field named like a common field keeps Orchard's item field; the part is still reachable by name.
                    if (objectType.GetField(field.Name) is null) objectType.AddField(field);
                }
                continue;
            }
            if (partTypes.For(typePart.PartName) is not { } partType) continue;
            var name = GraphQLNames.Field(typePart.Name);
            if (!GraphQLNames.IsValid(name) || objectType.GetField(name) is not null) continue;
            var instance = typePart.Name;
            objectType.AddField(Field(name, partType, c => new PartSource((ContentItem)c.Source!, ((ContentItem)c.Source!).Part(instance) ?? []),
                typePart.GetSettings<ContentTypePartSettings>().Description ?? $"The item's {instance}."));
        }
        if (schema.IsContained(type) && objectType.GetField("containedPart") is null && partTypes.For("ContainedPart") is { } contained)
        {
            objectType.AddField(Field("containedPart", contained, c => new PartSource((ContentItem)c.Source!, ((ContentItem)c.Source!).Part("ContainedPart") ?? []),
                "The list that contains the item."));
        }
        AddStereotypeFields(objectType, settings.Stereotype, partTypes, nested);
        return objectType;
    }

    /// <summary>
    /// What Orchard gives types of a stereotype: a widget's FlowPart <c>metadata</c>; a menu item's nested
    /// <c>menuItemsListPart</c> (also as the MenuItem interface's <c>menuItemsList</c>) whether or not the type lists the part.
    /// </summary>
    private static void AddStereotypeFields(ObjectGraphType objectType, string? stereotype, PartGraphTypes partTypes, NestedItems nested)
    {
        if (stereotype == "Widget" && objectType.GetField("metadata") is null)
        {
            objectType.AddField(Field("metadata", nested.FlowMetadata, c => ((ContentItem)c.Source!).Data["FlowMetadata"] as JsonObject,
                "How the widget sits in its FlowPart (size and alignment); null outside a flow."));
        }
        if (stereotype != "MenuItem") return;
        var menuItem = nested.MenuItem(partTypes);
        var list = partTypes.For("MenuItemsListPart")!;
        foreach (var name in new[] { "menuItemsListPart", "menuItemsList" })
        {
            if (objectType.GetField(name) is not null) continue;
            objectType.AddField(Field(name, list, c => new PartSource((ContentItem)c.Source!, ((ContentItem)c.Source!).Part("MenuItemsListPart") ?? []),
                "The menu items nested under this one."));
        }
        if (objectType.GetField("menuItemsList")?.ResolvedType != list) return;
        objectType.AddResolvedInterface(menuItem);
        menuItem.AddPossibleType(objectType);
    }

    private static QueryArguments ListFieldArguments(SchemaBuildContext schema, ContentListQuery list, bool paged)
    {
        var s = schema.Scalars;
        var arguments = new QueryArguments
        {
            Argument("where", list.Where, "Which items to return."),
        };
        if (paged)
        {
            arguments.Add(Argument("orderBy", list.OrderBy, "How to sort them; newest first when absent."));
            arguments.Add(Argument("first", s.Int, $"How many to return; {schema.Options.DefaultNumberOfResults} when absent or 0."));
            arguments.Add(Argument("skip", s.Int, "How many to skip."));
        }
        // On every list, as Orchard's ContentLocalization adds it: a type without LocalizationPart has no item of a culture.
        arguments.Add(Argument("culture", schema.Scalars.String, "Only items whose LocalizationPart has this culture (cy-GB, en-GB...)."));
        arguments.Add(Argument("status", schema.Status, "Which versions: PUBLISHED (default), DRAFT, LATEST or ALL (these need permission to edit).", PublicationStatus.Published));
        return arguments;
    }

    private static FieldType ListField(SchemaBuildContext schema, string name, ObjectGraphType objectType, ContentListQuery list, ContentTypeDefinition type)
    {
        var field = AsyncField(name, schema.Scalars.List(objectType), async c => await PageAsync(schema, GraphQLUserContext.From(c), ListArguments.From(c), list, type, c.CancellationToken),
            $"{objectType.Name} items the caller may read. Total counts: {name}Connection.");
        field.Arguments = ListFieldArguments(schema, list, paged: true);
        return field;
    }

    private static FieldType ConnectionField(SchemaBuildContext schema, string name, ObjectGraphType objectType, ContentListQuery list, ContentTypeDefinition type)
    {
        var s = schema.Scalars;
        var connection = new ObjectGraphType
        {
            Name = schema.UniqueTypeName(objectType.Name + "Connection", "_"),
            Description = $"A page of {objectType.Name} items with the number of items the same where and status select.",
        };
        connection.AddField(AsyncField("totalCount", s.NonNull(s.Int), async c =>
        {
            var source = (ConnectionSource)c.Source!;
            return await CountAsync(schema, source.User, source.Arguments, list, type, c.CancellationToken);
        }, "How many items the where and status select, whatever first and skip."));
        connection.AddField(AsyncField("items", s.List(objectType), async c =>
        {
            var source = (ConnectionSource)c.Source!;
            return await PageAsync(schema, source.User, source.Arguments, list, type, c.CancellationToken);
        }, "The page of items (as the list field returns them)."));
        var field = Field(name, s.NonNull(connection), c => new ConnectionSource(GraphQLUserContext.From(c), ListArguments.From(c)),
            $"Beyond Orchard: {objectType.Name} items with their total count; takes the same arguments as {GraphQLNames.Field(objectType.Name)}.");
        field.Arguments = ListFieldArguments(schema, list, paged: true);
        return field;
    }

    private sealed record ConnectionSource(GraphQLUserContext User, ListArguments Arguments);

    private static async Task<List<ContentItem>> PageAsync(
        SchemaBuildContext schema, GraphQLUserContext user, ListArguments arguments, ContentListQuery list, ContentTypeDefinition type, CancellationToken ct)
    {
        if (await FilteredAsync(schema, user, arguments, list, type, ct) is not { } filtered) return [];
        var request = list.Page(arguments, filtered, schema.Options);
        return await user.WithStoreAsync(() => user.Content.ListAsync(request, ct), ct);
    }

    private static async Task<int> CountAsync(
        SchemaBuildContext schema, GraphQLUserContext user, ListArguments arguments, ContentListQuery list, ContentTypeDefinition type, CancellationToken ct)
    {
        if (await FilteredAsync(schema, user, arguments, list, type, ct) is not { } request) return 0;
        return await user.WithStoreAsync(() => user.Content.CountAsync(request, ct), ct);
    }

    /// <summary>
    /// The versions the caller may list, or null for none. A valid preview token adds its one item's latest version
    /// to what a DRAFT or LATEST list returns, beside what the caller's own permissions allow.
    /// </summary>
    private static async Task<ContentListRequest?> FilteredAsync(
        SchemaBuildContext schema, GraphQLUserContext user, ListArguments arguments, ContentListQuery list, ContentTypeDefinition type, CancellationToken ct)
    {
        var edit = arguments.Status != PublicationStatus.Published;
        var access = await user.Access.ForTypeAsync(type.Name, edit, ct);
        var previewed = arguments.Status is PublicationStatus.Draft or PublicationStatus.Latest ? user.PreviewContentItemId : null;
        if (access == TypeAccess.All || previewed is null)
        {
            return access == TypeAccess.None ? null : list.Filtered(arguments, access, user.Access.UserId, schema.Options);
        }
        var filtered = list.Filtered(arguments, TypeAccess.All, user.Access.UserId, schema.Options);
        ContentFilter allowed = new ContentFilter.Column(ContentColumn.ContentItemId, FilterOperator.Equal, previewed);
        if (access == TypeAccess.Own)
        {
            allowed = new ContentFilter.Or([allowed, new ContentFilter.Column(ContentColumn.Owner, FilterOperator.Equal, user.Access.UserId!)]);
        }
        return filtered with { Filter = filtered.Filter is { } where ? new ContentFilter.And([where, allowed]) : allowed };
    }

    private static FieldType SingleItemField(SchemaBuildContext schema)
    {
        var field = Field("contentItem", schema.ContentItem, c =>
        {
            var user = GraphQLUserContext.From(c);
            var id = c.GetArgument<string>("contentItemId");
            var status = c.GetArgument<PublicationStatus?>("status") ?? PublicationStatus.Published;
            if (status != PublicationStatus.Published)
            {
                return new Loading.DeferredResult<ContentItem?>(ct => LatestAsync(schema, user, id, status, ct));
            }
            var loaded = user.Loaders.Published.Load(id);
            return new Loading.DeferredResult<ContentItem?>(async ct => (await schema.ViewableAsync(user, [await loaded.GetResultAsync(ct)], ct)).FirstOrDefault());
        }, "The published version of an item, or with status DRAFT or LATEST its latest version, if the caller may read it.");
        field.Arguments = new QueryArguments(
            Argument("contentItemId", schema.Scalars.NonNull(schema.Scalars.String), "The item's id."),
            Argument("status", schema.Status, "PUBLISHED (default); DRAFT (the latest version when not published) or LATEST need permission to edit or a preview token for the item; ALL reads as LATEST.", PublicationStatus.Published));
        return field;
    }

    /// <summary>An item's latest version for a caller who may edit it, or who holds a preview token for it.</summary>
    private static async Task<ContentItem?> LatestAsync(SchemaBuildContext schema, GraphQLUserContext user, string id, PublicationStatus status, CancellationToken ct)
    {
        var item = await user.WithStoreAsync(() => user.Content.GetLatestAsync(id, ct), ct);
        if (item is null || !schema.IsExposed(item) || (status == PublicationStatus.Draft && item.Published))
        {
            return null;
        }
        if (user.PreviewContentItemId == item.ContentItemId)
        {
            return item;
        }
        return user.Access.Allows(await user.Access.ForTypeAsync(item.ContentType, edit: true, ct), item) ? item : null;
    }
}
