using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>
/// The steps recipes brought that this CMS does not apply, kept for the export and for the features that will honour
/// them (MediaProfiles, Templates, AdminMenu...): <c>GetAsync("MediaProfiles")</c> gives each stored step's JSON.
/// </summary>
public sealed class StoredRecipeSteps(ContentDbContext db, TimeProvider clock)
{
    /// <summary>The stored steps of this name (ignoring case), oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> GetAsync(string name, CancellationToken ct = default)
    {
        // A handful of rows at most: compared here, ignoring case as Orchard compares step names.
        var rows = await db.Set<StoredRecipeStep>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return rows.Where(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(r => (JsonObject)JsonNode.Parse(r.Json)!).ToList();
    }

    /// <summary>Every stored step, in the order they were first stored.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<StoredRecipeStep>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return rows.ConvertAll(r => (JsonObject)JsonNode.Parse(r.Json)!);
    }

    /// <summary>Stores a step, replacing the one with the same name and identity (its place in the export is kept).</summary>
    public async Task StoreAsync(string name, JsonObject step, CancellationToken ct = default)
    {
        var identity = Identity(name, step);
        var json = step.ToJsonString(ContentJson.Compact);
        var row = await db.Set<StoredRecipeStep>().FirstOrDefaultAsync(s => s.Name == name && s.Identity == identity, ct);
        if (row is null)
        {
            db.Add(new StoredRecipeStep { Name = name, Identity = identity, Json = json, StoredUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (row.Json != json)
        {
            row.Json = json;
            row.StoredUtc = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What a step is about: the names it defines where Orchard's step has them (templates, profiles, layers, workflow
    /// types, admin menus, deployment plans), otherwise a hash of the whole step, so only the same step replaces it.
    /// </summary>
    public static string Identity(string name, JsonObject step)
    {
        var names = name.ToLowerInvariant() switch
        {
            "templates" => Keys(step, "Templates"),
            "admintemplates" => Keys(step, "AdminTemplates"),
            "mediaprofiles" => Keys(step, "MediaProfiles"),
            "shortcodetemplates" => Keys(step, "ShortcodeTemplates"),
            "layers" => Values(step, "Layers", "Name"),
            "workflowtype" => Values(step, "data", "WorkflowTypeId"),
            "adminmenu" => Values(step, "data", "Id"),
            "deployment" => Values(step, "Plans", "Name"),
            _ => [],
        };
        if (names.Count > 0)
        {
            var joined = string.Join("|", names.Order(StringComparer.Ordinal));
            if (joined.Length <= 300) return "names:" + joined;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(step.ToJsonString(ContentJson.Compact)));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    private static List<string> Keys(JsonObject step, string property) =>
        JsonValues.Property(step, property) is JsonObject obj ? obj.Select(p => p.Key).ToList() : [];

    private static List<string> Values(JsonObject step, string property, string key) =>
        JsonValues.Property(step, property) is JsonArray array
            ? array.OfType<JsonObject>().Select(o => JsonValues.NonEmptyString(JsonValues.Property(o, key))).OfType<string>().ToList()
            : [];
}
