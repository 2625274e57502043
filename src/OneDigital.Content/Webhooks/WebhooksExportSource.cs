using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Export;
using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

/// <summary>
/// The registered endpoints as a <c>Webhooks</c> step, secrets included: an export is an administrator's copy of the
/// site, and an endpoint without its secret could not sign, so the imported site would send nothing.
/// </summary>
public sealed class WebhooksExportSource(WebhookEndpoints endpoints) : IRecipeExportSource
{
    public string Kind => "webhooks";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var list = new JsonArray();
        foreach (var endpoint in await endpoints.ListAsync(ct))
        {
            list.Add(new JsonObject
            {
                ["Name"] = endpoint.Name,
                ["Url"] = endpoint.Url,
                ["Secret"] = endpoint.Secret,
                ["Events"] = new JsonArray(WebhookEventNames.Each.Where(e => (endpoint.Events & e) != 0).Select(e => (JsonNode)WebhookEventNames.Name(e)).ToArray()),
                ["ContentTypes"] = new JsonArray(endpoint.ContentTypeList.Select(t => (JsonNode)t).ToArray()),
                ["Enabled"] = endpoint.Enabled,
            });
        }
        if (list.Count > 0)
        {
            new JsonObject { ["name"] = WebhooksStep.StepName, ["Webhooks"] = list }.WriteTo(writer, ContentJson.Compact);
        }
    }
}
