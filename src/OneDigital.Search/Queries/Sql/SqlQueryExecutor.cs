using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;

namespace OneDigital.Search.Queries.Sql;

/// <summary>
/// Runs an Orchard SQL query template (<see cref="SqlQueryParser"/>) through ContentQuery: published versions only,
/// never items of Securable types (a stored query answers anyone holding its ExecuteApi permission, so it shows only
/// what needs no per-type grant), at most <see cref="SqlQueryParser.MaxRows"/> rows. Answers the items
/// (ReturnDocuments / ReturnContentItems) or one JSON row per item with the selected columns.
/// </summary>
public sealed class SqlQueryExecutor(ContentQuery items, ContentDefinitionStore definitions)
{
    public async Task<LuceneQueryResults> RunAsync(string template, JsonObject? parameters, bool returnContentItems, CancellationToken ct = default)
    {
        var plan = SqlQueryParser.Parse(template, parameters);
        var request = await WithoutSecurableTypesAsync(plan.Request, ct);
        var page = await items.ListAsync(request, ct);
        var count = await items.CountAsync(request with { Skip = 0, Take = null }, ct);
        if (returnContentItems)
        {
            return new LuceneQueryResults { Count = count, ContentItems = page };
        }
        var rows = page.Select(item =>
        {
            var row = new JsonObject();
            foreach (var (name, column) in plan.Columns)
            {
                row[name] = column.ValueOf(item);
            }
            return row;
        }).ToList();
        return new LuceneQueryResults { Count = count, Documents = rows };
    }

    private async Task<ContentListRequest> WithoutSecurableTypesAsync(ContentListRequest request, CancellationToken ct)
    {
        var securable = (await definitions.GetAsync(ct)).ContentTypes.Where(t => t.TypeSettings.Securable).Select(t => t.Name).ToList();
        if (securable.Count == 0) return request;
        var hidden = new ContentFilter.Not(new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, securable));
        return request with { Filter = request.Filter is null ? hidden : new ContentFilter.And([request.Filter, hidden]) };
    }
}
