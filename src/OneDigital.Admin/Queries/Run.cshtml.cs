// Why: try a stored query as partners run it, with parameters as JSON, and see what it answers: its items as a table
// linking to the editor, or the raw JSON the API would send. It changes nothing, so it is a GET form.
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Errors;
using OneDigital.Content.Security;
using OneDigital.Search.Queries;

namespace OneDigital.Admin.Queries;

public sealed class RunModel(StoredQueries queries) : AdminPage
{
    public const string ParametersField = "parameters";

    [BindProperty(SupportsGet = true, Name = "query")]
    public string? QueryName { get; set; }

    [BindProperty(SupportsGet = true, Name = ParametersField)]
    public string? Parameters { get; set; }

    /// <summary>Set when the form was sent (the page first opens without running).</summary>
    [BindProperty(SupportsGet = true, Name = "run")]
    public string? Run { get; set; }

    public StoredQuery Query { get; private set; } = null!;

    public LuceneQueryResults? Results { get; private set; }

    public string? RawJson { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (string.IsNullOrEmpty(QueryName) || await queries.FindAsync(QueryName, ct) is not { } query) return NotFound();
        Query = query;
        Response.Headers.CacheControl = "no-store";
        if (Run is null) return Page();

        JsonObject? parameters = null;
        if (!string.IsNullOrWhiteSpace(Parameters))
        {
            try
            {
                parameters = JsonNode.Parse(Parameters) as JsonObject;
                if (parameters is null) ModelState.AddModelError(ParametersField, "The parameters must be a JSON object, such as { \"size\": 5 }");
            }
            catch (JsonException ex)
            {
                ModelState.AddModelError(ParametersField, $"The parameters are not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})");
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                Results = await queries.RunAsync(query, parameters, ct);
                RawJson = Results.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            }
            catch (Exception ex) when (ex is IClientError)
            {
                // The template (or the index) is at fault; the message names where.
                ModelState.AddModelError("", $"The query could not run: {((IClientError)ex).Detail}");
            }
        }
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public TextareaField ParametersInput() => new(ParametersField, "Parameters")
    {
        Value = Parameters, Rows = 4,
        Hint = "A JSON object whose values the query's template reads, e.g. { \"size\": 5 }. Leave it empty for none.",
    };
}
