namespace OneDigital.Content.Security;

/// <summary>
/// Orchard Core's permission names (ORCHARD-SPEC §6) with Orchard's implications, so that roles imported from Orchard
/// recipes grant the same rights here. Names are Orchard's stored names, which sometimes differ from its C# field
/// names (media: <c>ManageMediaContent</c>; own user: <c>ManageOwnUserInformation</c>).
/// </summary>
public static class Permissions
{
    // Contents. Code demands the general permission; the "Own" variant applies when the caller owns the item.
    public static readonly Permission PublishContent = new("PublishContent", "Publish or unpublish content for others");
    public static readonly Permission PublishOwnContent = new("PublishOwnContent", "Publish or unpublish own content", PublishContent);
    public static readonly Permission EditContent = new("EditContent", "Edit content for others", PublishContent);
    public static readonly Permission EditOwnContent = new("EditOwnContent", "Edit own content", EditContent, PublishOwnContent);
    public static readonly Permission DeleteContent = new("DeleteContent", "Delete content for others");
    public static readonly Permission DeleteOwnContent = new("DeleteOwnContent", "Delete own content", DeleteContent);
    public static readonly Permission ViewContent = new("ViewContent", "View all content", EditContent);
    public static readonly Permission ViewOwnContent = new("ViewOwnContent", "View own content", ViewContent);
    public static readonly Permission PreviewContent = new("PreviewContent", "Preview content", EditContent, PublishContent);
    public static readonly Permission PreviewOwnContent = new("PreviewOwnContent", "Preview own content", PreviewContent);
    public static readonly Permission CloneContent = new("CloneContent", "Clone content", EditContent);
    public static readonly Permission CloneOwnContent = new("CloneOwnContent", "Clone own content", CloneContent);
    public static readonly Permission ListContent = new("ListContent", "List content items");
    public static readonly Permission EditContentOwner = new("EditContentOwner", "Edit the owner of a content item");
    public static readonly Permission AccessContentApi = new("AccessContentApi", "Access content through the REST API");
    public static readonly Permission ApiViewContent = new("ApiViewContent", "Access the view content endpoints");

    // Content types.
    public static readonly Permission EditContentTypes = new("EditContentTypes", "Edit content types");
    public static readonly Permission ViewContentTypes = new("ViewContentTypes", "View content types", EditContentTypes);

    // Admin, settings, features, recipes, deployment.
    public static readonly Permission AccessAdminPanel = new("AccessAdminPanel", "Access the admin panel");
    public static readonly Permission ManageSettings = new("ManageSettings", "Manage settings");
    public static readonly Permission ManageFeatures = new("ManageFeatures", "Manage features");
    public static readonly Permission ManageRecipes = new("ManageRecipes", "Run recipes");
    public static readonly Permission Import = new("Import", "Import data");
    public static readonly Permission Export = new("Export", "Export data");
    public static readonly Permission ManageDeploymentPlan = new("ManageDeploymentPlan", "Manage deployment plans");

    // Users and roles.
    public static readonly Permission ManageUsers = new("ManageUsers", "Manage security settings and all users");
    public static readonly Permission EditUsers = new("EditUsers", "Edit any user", ManageUsers);
    public static readonly Permission DeleteUsers = new("DeleteUsers", "Delete any user", ManageUsers);
    public static readonly Permission ListUsers = new("ListUsers", "List all users", EditUsers, DeleteUsers);
    public static readonly Permission ViewUsers = new("View Users", "View user profiles", ManageUsers);
    public static readonly Permission AssignRoleToUsers = new("AssignRoleToUsers", "Assign any role to users");
    public static readonly Permission ManageOwnUserInformation = new("ManageOwnUserInformation", "Edit own user information", EditUsers);
    public static readonly Permission EditOwnUserInformation = new("EditOwnUserInformation", "Edit own user information (Orchard 1.x name)", ManageUsers);
    public static readonly Permission ManageRoles = new("ManageRoles", "Manage roles");

    // Media.
    public static readonly Permission ManageMediaFolder = new("ManageMediaFolder", "Manage all media folders");
    public static readonly Permission ManageOthersMedia = new("ManageOthersMediaContent", "Manage media of others", ManageMediaFolder);
    public static readonly Permission ManageOwnMedia = new("ManageOwnMediaContent", "Manage own media", ManageOthersMedia);
    public static readonly Permission ManageMedia = new("ManageMediaContent", "Manage media", ManageOwnMedia);
    public static readonly Permission ManageAttachedMediaFieldsFolder = new("ManageAttachedMediaFieldsFolder", "Manage the attached media fields folder", ManageMediaFolder);
    public static readonly Permission ManageMediaProfiles = new("ManageMediaProfiles", "Manage media profiles");
    public static readonly Permission ViewMediaOptions = new("ViewMediaOptions", "View media options");

    // Taxonomies, menus, themes, templates.
    public static readonly Permission ManageTaxonomy = new("ManageTaxonomy", "Manage taxonomies");
    public static readonly Permission ApplyTheme = new("ApplyTheme", "Apply a theme");
    public static readonly Permission ManageTemplates = new("ManageTemplates", "Manage templates");
    public static readonly Permission SetHomepage = new("SetHomepage", "Set the homepage");

    // Queries, GraphQL, search.
    public static readonly Permission ManageQueries = new("ManageQueries", "Manage queries");
    public static readonly Permission ExecuteApiAll = new("ExecuteApiAll", "Execute any query through the API", ManageQueries);
    public static readonly Permission ManageSqlQueries = new("ManageSqlQueries", "Manage SQL queries");
    public static readonly Permission ExecuteGraphQLMutations = new("ExecuteGraphQLMutations", "Execute GraphQL mutations");
    public static readonly Permission ExecuteGraphQL = new("ExecuteGraphQL", "Execute GraphQL queries", ExecuteGraphQLMutations);
    public static readonly Permission ManageLuceneIndexes = new("ManageLuceneIndexes", "Manage Lucene indexes");
    public static readonly Permission QueryLuceneApi = new("QueryLuceneApi", "Query the Lucene API", ManageLuceneIndexes);
    public static readonly Permission QueryLuceneSearchIndex = new("QueryLuceneSearchIndex", "Query the Lucene 'Search' index", ManageLuceneIndexes);
    public static readonly Permission ManageIndexes = new("ManageIndexes", "Manage indexes (Orchard 3 name)");
    public static readonly Permission QuerySearchIndex = new("QuerySearchIndex", "Query any index (Orchard 3 name)");
    public static readonly Permission ManageSearchSettings = new("ManageSearchSettings", "Manage search settings");

    // OpenID Connect (client-credentials applications for partner sites).
    public static readonly Permission ManageApplications = new("ManageApplications", "Manage OpenID Connect applications");
    public static readonly Permission ManageScopes = new("ManageScopes", "Manage OpenID Connect scopes");
    public static readonly Permission ManageServerSettings = new("ManageServerSettings", "Manage the OpenID Connect server settings");
    public static readonly Permission ManageValidationSettings = new("ManageValidationSettings", "Manage the OpenID Connect validation settings");
    public static readonly Permission ManageClientSettings = new("ManageClientSettings", "Manage the OpenID Connect client settings");

    // Webhooks (Orchard has no webhooks module; named in its style): endpoints, secrets, the delivery log.
    public static readonly Permission ManageWebhooks = new("ManageWebhooks", "Manage webhooks");

    // Readers' "share your learning" submissions: review, turn into a case study draft, reject.
    public static readonly Permission ManageSubmissions = new("ManageSubmissions", "Review reader submissions");

    // OrchardCore.AuditTrail's names.
    public static readonly Permission ViewAuditTrail = new("ViewAuditTrail", "View audit trail");

    // The e-bulletin's subscribers (personal data: list, export, erase).
    public static readonly Permission ManageBulletinSubscribers = new("ManageBulletinSubscribers", "Manage e-bulletin subscribers");

    public static readonly IReadOnlyList<Permission> All =
    [
        PublishContent, PublishOwnContent, EditContent, EditOwnContent, DeleteContent, DeleteOwnContent,
        ViewContent, ViewOwnContent, PreviewContent, PreviewOwnContent, CloneContent, CloneOwnContent,
        ListContent, EditContentOwner, AccessContentApi, ApiViewContent,
        EditContentTypes, ViewContentTypes,
        AccessAdminPanel, ManageSettings, ManageFeatures, ManageRecipes, Import, Export, ManageDeploymentPlan,
        ManageUsers, EditUsers, DeleteUsers, ListUsers, ViewUsers, AssignRoleToUsers, ManageOwnUserInformation,
        EditOwnUserInformation, ManageRoles,
        ManageMediaFolder, ManageOthersMedia, ManageOwnMedia, ManageMedia, ManageAttachedMediaFieldsFolder,
        ManageMediaProfiles, ViewMediaOptions,
        ManageTaxonomy, ApplyTheme, ManageTemplates, SetHomepage,
        ManageQueries, ExecuteApiAll, ManageSqlQueries, ExecuteGraphQLMutations, ExecuteGraphQL,
        ManageLuceneIndexes, QueryLuceneApi, QueryLuceneSearchIndex, ManageIndexes, QuerySearchIndex, ManageSearchSettings,
        ManageApplications, ManageScopes, ManageServerSettings, ManageValidationSettings, ManageClientSettings,
        ViewAuditTrail, ManageBulletinSubscribers, ManageWebhooks, ManageSubmissions,
    ];

    private static readonly Dictionary<string, Permission> ByName = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A built-in permission by name, ignoring case.</summary>
    public static Permission? Find(string name) => ByName.GetValueOrDefault(name);
}
