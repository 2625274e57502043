using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Features;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Export;

// The steps that recreate what recipes stored besides definitions and content. Each writes nothing when the store
// has nothing of its kind, so an export holds only steps that carry something.

internal static class StepWriter
{
    public static void Write(Utf8JsonWriter writer, string name, JsonObject body)
    {
        var step = new JsonObject { ["name"] = name };
        foreach (var (key, value) in body)
        {
            step[key] = value?.DeepClone();
        }
        step.WriteTo(writer, ContentJson.Compact);
    }
}

public sealed class FeaturesExportSource(EnabledFeatures enabledFeatures) : IRecipeExportSource
{
    public string Kind => "features";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        if (await enabledFeatures.GetAsync(ct) is { } features)
        {
            StepWriter.Write(writer, "feature", new JsonObject { ["enable"] = new JsonArray(features.Enabled.Order().Select(f => (JsonNode)f).ToArray()) });
        }
    }
}

public sealed class ThemesExportSource(SiteThemes siteThemes) : IRecipeExportSource
{
    public string Kind => "themes";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        if (await siteThemes.GetAsync(ct) is { } themes)
        {
            StepWriter.Write(writer, "themes", new JsonObject { ["admin"] = themes.Admin ?? "", ["site"] = themes.Site ?? "" });
        }
    }
}

/// <summary>Roles with their permissions, replacing what the importing site has.</summary>
public sealed class RolesExportSource(RoleService roles) : IRecipeExportSource
{
    public string Kind => "roles";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var list = new JsonArray();
        foreach (var role in await roles.ListAsync(ct))
        {
            var permissions = await roles.GetPermissionsAsync(role.Name!, ct);
            list.Add(new JsonObject
            {
                ["Name"] = role.Name,
                ["Description"] = role.Description ?? "",
                ["PermissionBehavior"] = "Replace",
                ["Permissions"] = new JsonArray(permissions.Order().Select(p => (JsonNode)p).ToArray()),
            });
        }
        if (list.Count > 0)
        {
            StepWriter.Write(writer, "Roles", new JsonObject { ["Roles"] = list });
        }
    }
}

public sealed class SiteSettingsExportSource(SiteSettingsStore settings) : IRecipeExportSource
{
    public string Kind => "settings";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        if (site.Count > 0)
        {
            StepWriter.Write(writer, "settings", site);
        }
    }
}

public sealed class QueriesExportSource(QueryDefinitions definitions) : IRecipeExportSource
{
    public string Kind => "queries";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var queries = await definitions.ListAsync(ct);
        if (queries.Count > 0)
        {
            var list = new JsonArray(queries.OrderBy(q => q.Key).Select(q => (JsonNode)q.Value.DeepClone()).ToArray());
            StepWriter.Write(writer, "queries", new JsonObject { ["Queries"] = list });
        }
    }
}

/// <summary>Index profiles in Orchard 3's step, which Orchard 3 and this CMS read.</summary>
public sealed class IndexProfilesExportSource(IndexProfiles indexProfiles) : IRecipeExportSource
{
    public string Kind => "index-profiles";

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var profiles = await indexProfiles.GetAsync(ct);
        if (profiles.Profiles.Count > 0)
        {
            var list = JsonSerializer.SerializeToNode(profiles.Profiles, ContentJson.Compact)!;
            StepWriter.Write(writer, "CreateOrUpdateIndexProfile", new JsonObject { ["indexes"] = list });
        }
    }
}
