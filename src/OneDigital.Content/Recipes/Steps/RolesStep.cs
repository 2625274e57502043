using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Security;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Orchard's <c>Roles</c> step: creates or updates roles and their permissions.
/// <code>{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Description": "...", "PermissionBehavior": "Replace",
///   "Permissions": [ "PublishContent", "EditContent" ] } ] }</code>
/// <c>PermissionBehavior</c> is Replace (default), Add or Remove. Unknown permission names are kept, with a warning,
/// since a later feature may define them. The whole step is checked before anything is written.
/// </summary>
public sealed class RolesStep(RoleService roles, PermissionCatalogue catalogue) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["Roles"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        foreach (var entry in Read(context))
        {
            if (BuiltInRoles.IsAdministrator(entry.Name) && entry.Permissions.Count > 0 && entry.Behavior != PermissionBehavior.Remove)
            {
                context.Warn($"{entry.Path}.Permissions: Administrator holds every permission; the listed ones are not stored.");
            }
            else
            {
                for (var i = 0; i < entry.Permissions.Count; i++)
                {
                    if (await catalogue.FindAsync(entry.Permissions[i]) is null)
                    {
                        context.Warn($"{entry.Path}.Permissions[{i}]: the permission '{entry.Permissions[i]}' is not known here; it is kept for a feature that may define it.");
                    }
                }
            }
            try
            {
                await roles.SaveAsync(entry.Name, entry.Description, entry.Permissions, entry.Behavior);
            }
            catch (IdentityFailureException ex)
            {
                throw context.Fail($"{entry.Path}.Name", ex.Message, ex);
            }
        }
    }

    private sealed record RoleEntry(string Path, string Name, string? Description, PermissionBehavior Behavior, List<string> Permissions);

    private static List<RoleEntry> Read(RecipeStepContext context)
    {
        if (context.Get("Roles") is not JsonArray array)
        {
            throw context.Fail("Roles", "'Roles' must be an array of roles: [ { \"Name\": ..., \"Permissions\": [ ... ] } ].");
        }
        var entries = new List<RoleEntry>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"Roles[{i}]";
            if (array[i] is not JsonObject role)
            {
                throw context.Fail(path, "Each role must be an object with a 'Name'.");
            }
            if (!TryString(RecipeStepContext.Get(role, "Name"), out var name) || string.IsNullOrWhiteSpace(name))
            {
                throw context.Fail($"{path}.Name", "Each role needs a non-empty 'Name'.");
            }
            var descriptionNode = RecipeStepContext.Get(role, "Description");
            if (descriptionNode is not null && !TryString(descriptionNode, out _))
            {
                throw context.Fail($"{path}.Description", "'Description' must be a string.");
            }
            TryString(descriptionNode, out var description);
            entries.Add(new RoleEntry(path, name.Trim(), description, ReadBehavior(context, role, path), ReadPermissions(context, role, path)));
        }
        return entries;
    }

    private static PermissionBehavior ReadBehavior(RecipeStepContext context, JsonObject role, string path)
    {
        var node = RecipeStepContext.Get(role, "PermissionBehavior");
        if (node is null)
        {
            return PermissionBehavior.Replace;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int number)
            && Enum.IsDefined((PermissionBehavior)number))
        {
            return (PermissionBehavior)number;
        }
        if (TryString(node, out var text))
        {
            foreach (var behavior in Enum.GetValues<PermissionBehavior>())
            {
                if (string.Equals(behavior.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return behavior;
            }
        }
        throw context.Fail($"{path}.PermissionBehavior",
            $"'PermissionBehavior' must be Replace, Add or Remove, not {node.ToJsonString()}.");
    }

    private static List<string> ReadPermissions(RecipeStepContext context, JsonObject role, string path)
    {
        var node = RecipeStepContext.Get(role, "Permissions");
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            throw context.Fail($"{path}.Permissions", "'Permissions' must be an array of permission names.");
        }
        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (!TryString(array[i], out var name) || string.IsNullOrWhiteSpace(name))
            {
                throw context.Fail($"{path}.Permissions[{i}]", "Each permission must be a non-empty name.");
            }
            names.Add(name.Trim());
        }
        return names;
    }

    private static bool TryString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue(out string? s))
        {
            text = s;
            return true;
        }
        text = "";
        return false;
    }
}
