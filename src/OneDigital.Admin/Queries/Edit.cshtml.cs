// Why: create and edit a stored query in Orchard's shape. The query's other properties (those Orchard modules add)
// are kept as they were; a bad schema, an unknown index or a template that is not JSON is a form error, not a save.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Indexing;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;
using OneDigital.Search.Queries;

namespace OneDigital.Admin.Queries;

public sealed partial class EditModel(QueryDefinitions definitions, IndexProfiles profiles, AuditTrail audit) : AdminPage
{
    [BindProperty(SupportsGet = true, Name = "query")]
    public string? OriginalName { get; set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Source { get; set; } = "Lucene";
    [BindProperty] public string? Index { get; set; }
    [BindProperty] public string Template { get; set; } = "";
    [BindProperty] public string? Schema { get; set; }
    [BindProperty] public bool ReturnContentItems { get; set; }

    public bool IsNew => string.IsNullOrEmpty(OriginalName);

    public IReadOnlyList<string> Indexes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        if (!IsNew)
        {
            if (await definitions.FindAsync(OriginalName!, HttpContext.RequestAborted) is not { } found) return NotFound();
            var query = StoredQuery.From(found.Name, found.Query);
            OriginalName = found.Name;
            (Name, Source, Index, Template, Schema, ReturnContentItems) = (query.Name, query.Source, query.Index, query.Template, query.Schema, query.ReturnContentItems);
        }
        Indexes = await IndexNamesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        JsonObject json = [];
        if (!IsNew)
        {
            if (await definitions.FindAsync(OriginalName!, ct) is not { } found) return NotFound();
            json = (JsonObject)found.Query.DeepClone();
        }
        Indexes = await IndexNamesAsync();
        // Model binding gives an empty input as null.
        Name = Name?.Trim() ?? "";
        Template ??= "";
        var source = StoredQueriesDocument.KnownSource(Source);
        if (Name.Length == 0) ModelState.AddModelError(nameof(Name), "Enter the query's name");
        else if ((IsNew || !Name.Equals(OriginalName, StringComparison.Ordinal)) && !NamePattern().IsMatch(Name))
        {
            ModelState.AddModelError(nameof(Name), "The name must start with a letter and have only letters, digits and underscores (it names the API's address and the GraphQL field)");
        }
        if (source is null) ModelState.AddModelError(nameof(Source), "Select the query's source");
        else if (source == "Sql" && !await IsGrantedAsync(Permissions.ManageSqlQueries))
        {
            ModelState.AddModelError(nameof(Source), "You may not manage SQL queries (ManageSqlQueries)");
        }
        if (source == "Lucene" && string.IsNullOrWhiteSpace(Index)) ModelState.AddModelError(nameof(Index), "Select the index the query runs on");
        else if (source == "Lucene" && !Indexes.Contains(Index!, StringComparer.OrdinalIgnoreCase)) ModelState.AddModelError(nameof(Index), $"There is no index named '{Index}'");
        if (string.IsNullOrWhiteSpace(Template)) ModelState.AddModelError(nameof(Template), "Enter the query");
        else if (source == "Lucene" && !Template.Contains("{{", StringComparison.Ordinal) && !Template.Contains("{%", StringComparison.Ordinal) && JsonError(Template) is { } templateError)
        {
            ModelState.AddModelError(nameof(Template), $"The query is not valid JSON: {templateError}");
        }
        if (!string.IsNullOrWhiteSpace(Schema) && JsonError(Schema) is { } schemaError)
        {
            ModelState.AddModelError(nameof(Schema), $"The schema is not valid JSON: {schemaError}");
        }
        if (!ModelState.IsValid) return Invalid();

        json["Name"] = Name;
        json["Source"] = source;
        json["Template"] = Template;
        json["Schema"] = string.IsNullOrWhiteSpace(Schema) ? null : Schema.Trim();
        json["ReturnContentItems"] = ReturnContentItems;
        if (source == "Lucene")
        {
            json["Index"] = Index;
        }
        else
        {
            json.Remove("Index");
            // Orchard's SQL queries say ReturnDocuments, flat or in their metadata; each reader takes either.
            json["ReturnDocuments"] = ReturnContentItems;
            if (json["Properties"]?["SqlQueryMetadata"] is JsonObject metadata) metadata["ReturnDocuments"] = ReturnContentItems;
        }
        try
        {
            await definitions.ReplaceAsync(IsNew ? null : OriginalName, QueryDefinitions.Normalise(json), ct);
        }
        catch (QueryDefinitionException ex)
        {
            ModelState.AddModelError(ex.Field is nameof(Name) or nameof(Source) or nameof(Schema) ? ex.Field : "", ex.Message);
            return Invalid();
        }
        await audit.RecordAsync(new AuditEntry(AuditKind.QuerySaved) { Detail = IsNew || OriginalName == Name ? $"query '{Name}'" : $"query '{OriginalName}' renamed '{Name}'" }, ct);
        return Redirect($"{QueryLinks.List}?saved={Uri.EscapeDataString(Name)}");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public TextInputField NameField() => new(nameof(Name), "Name")
    {
        Value = Name, Spellcheck = false, WidthClass = "govuk-input--width-20",
        Hint = "Letters, digits and underscores. Partners run it at /api/queries/{name}.",
    };

    public RadiosField SourceField() => new(nameof(Source), "Source",
    [
        new Choice("Lucene", "Lucene") { Selected = Source == "Lucene", Hint = "The Elasticsearch-like query DSL on a search index." },
        new Choice("Sql", "SQL") { Selected = Source == "Sql", Hint = "A SELECT over Orchard's index tables (ContentItemIndex and others)." },
    ]) { Inline = false };

    public SelectField IndexField() => new(nameof(Index), "Index (Lucene queries)",
        [new Choice("", "Choose an index") { Selected = string.IsNullOrEmpty(Index) }, .. Indexes.Select(i => new Choice(i, i) { Selected = string.Equals(i, Index, StringComparison.OrdinalIgnoreCase) })]);

    public TextareaField TemplateField() => new(nameof(Template), "Query")
    {
        Value = Template, Rows = 12,
        Hint = "A Liquid template: parameters are written {{ name }}. A Lucene query renders to the DSL's JSON, e.g. { \"query\": { \"match_all\": {} }, \"size\": 10 }.",
    };

    public TextareaField SchemaField() => new(nameof(Schema), "Schema (optional)")
    {
        Value = Schema, Rows = 3,
        Hint = "JSON such as { \"type\": \"ContentItem/BlogPost\" }: the query becomes a GraphQL field.",
    };

    public CheckboxesField ReturnField() => new(nameof(ReturnContentItems), "Results",
        [new Choice("true", "Return content items (the hits' published items), not the index's documents") { Selected = ReturnContentItems }]) { Small = true };

    private async Task<IReadOnlyList<string>> IndexNamesAsync() =>
        [.. (await profiles.GetAsync(HttpContext.RequestAborted)).Profiles.Select(p => p.IndexName.Length > 0 ? p.IndexName : p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    private static string? JsonError(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return null;
        }
        catch (JsonException ex)
        {
            return $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
