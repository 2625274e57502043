// Why: Orchard's role editor lists permissions under the feature that defines them; its names and descriptions are
// what administrators coming from Orchard know. The catalogue knows permissions but not features, so the grouping
// is kept here, by Orchard's module names; a permission no group names (a later feature's) still shows, under
// "Other", and so does a name a role holds that no feature defines, so that saving never drops it unseen.
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using static OneDigital.Content.Security.Permissions;

namespace OneDigital.Admin.Roles;

/// <summary>A heading of the role editor and the permissions under it.</summary>
public sealed record PermissionGroup(string Feature, IReadOnlyList<Permission> Permissions)
{
    /// <summary>For a content type's group: its name, so its checkboxes' ids are distinct and stable.</summary>
    public string? ContentType { get; init; }
}

public static class PermissionGroups
{
    public const string Other = "Other";

    private static readonly (string Feature, Permission[] Permissions)[] Features =
    [
        ("Contents", [PublishContent, PublishOwnContent, EditContent, EditOwnContent, DeleteContent, DeleteOwnContent,
            ViewContent, ViewOwnContent, PreviewContent, PreviewOwnContent, CloneContent, CloneOwnContent,
            ListContent, EditContentOwner, AccessContentApi, ApiViewContent]),
        ("Content Types", [EditContentTypes, ViewContentTypes]),
        ("Admin", [AccessAdminPanel]),
        ("Settings", [ManageSettings]),
        ("Features", [ManageFeatures]),
        ("Recipes", [ManageRecipes]),
        ("Deployment", [Import, Export, ManageDeploymentPlan]),
        ("Users", [ManageUsers, EditUsers, DeleteUsers, ListUsers, ViewUsers, AssignRoleToUsers, ManageOwnUserInformation, EditOwnUserInformation]),
        ("Roles", [ManageRoles]),
        ("Media", [ManageMedia, ManageOwnMedia, ManageOthersMedia, ManageMediaFolder, ManageAttachedMediaFieldsFolder, ManageMediaProfiles, ViewMediaOptions]),
        ("Taxonomies", [ManageTaxonomy]),
        ("Themes", [ApplyTheme]),
        ("Templates", [ManageTemplates]),
        ("Home Route", [SetHomepage]),
        ("Queries", [ManageQueries, ExecuteApiAll, ManageSqlQueries]),
        ("GraphQL", [ExecuteGraphQL, ExecuteGraphQLMutations]),
        ("Lucene", [ManageLuceneIndexes, QueryLuceneApi, QueryLuceneSearchIndex]),
        ("Search", [ManageIndexes, QuerySearchIndex, ManageSearchSettings]),
        ("OpenID Connect", [ManageApplications, ManageScopes, ManageServerSettings, ManageValidationSettings, ManageClientSettings]),
        ("Audit Trail", [ViewAuditTrail]),
        ("E-bulletin", [ManageBulletinSubscribers]),
        ("Webhooks", [ManageWebhooks]),
        ("Reader submissions", [ManageSubmissions]),
    ];

    /// <summary>
    /// The editor's groups: the features' permissions (from <paramref name="catalogue"/>, which adds features' own such
    /// as <c>ExecuteApi_{Query}</c>), then one group per content type with its per-type permissions, then what
    /// <paramref name="held"/> names that nothing else offers.
    /// </summary>
    public static IReadOnlyList<PermissionGroup> Build(IReadOnlyList<Permission> catalogue, IEnumerable<ContentTypeDefinition> types, IEnumerable<string> held)
    {
        var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = new List<PermissionGroup>();
        var byFeature = Features.ToDictionary(f => f.Feature, f => f.Permissions.ToList());
        var others = new List<Permission>();
        foreach (var permission in catalogue)
        {
            if (ContentTypePermissions.TryParse(permission.Name, out _, out _)) continue;
            if (Features.Any(f => f.Permissions.Any(p => p.Name == permission.Name))) continue;
            // Features' own permissions join the group of the permission that implies them (ExecuteApi_x under Queries).
            var feature = Features.FirstOrDefault(f => f.Permissions.Any(p => permission.ImpliedBy.Any(i => i.Name == p.Name))).Feature;
            if (feature is not null) byFeature[feature].Add(permission);
            else others.Add(permission);
        }
        foreach (var (feature, _) in Features)
        {
            groups.Add(new PermissionGroup(feature, byFeature[feature]));
        }
        foreach (var type in types.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase))
        {
            groups.Add(new PermissionGroup(type.DisplayName ?? type.Name,
                [.. ContentTypePermissions.GeneralPermissions.Select(g => ContentTypePermissions.ForType(g, type.Name)!)]) { ContentType = type.Name });
        }
        foreach (var group in groups) offered.UnionWith(group.Permissions.Select(p => p.Name));
        others.AddRange(held.Where(h => !offered.Contains(h) && !others.Any(o => string.Equals(o.Name, h, StringComparison.OrdinalIgnoreCase)))
            .Select(h => new Permission(h, "Not defined by any feature of this site; kept as the role holds it")));
        if (others.Count > 0) groups.Add(new PermissionGroup(Other, others));
        return groups;
    }

    /// <summary>The group names in order of <see cref="Features"/>, for tests and the page's contents list.</summary>
    public static IEnumerable<string> FeatureNames => Features.Select(f => f.Feature);

    /// <summary>Every built-in permission is in one feature's group.</summary>
    public static bool Covers(Permission permission) => Features.Any(f => f.Permissions.Contains(permission));
}
