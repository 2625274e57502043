using static OneDigital.Content.Security.Permissions;

namespace OneDigital.Content.Security;

/// <summary>
/// Orchard's built-in roles and their default ("stereotype") permissions, gathered from the modules this CMS
/// implements (Contents, Admin, Users, Media, Queries). Administrator holds every permission implicitly and stores none.
/// </summary>
public static class BuiltInRoles
{
    public const string Administrator = "Administrator";
    public const string Anonymous = "Anonymous";
    public const string Authenticated = "Authenticated";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";
    public const string Author = "Author";
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Permission>> Defaults =
        new Dictionary<string, IReadOnlyList<Permission>>(StringComparer.OrdinalIgnoreCase)
        {
            [Administrator] = [],
            [Anonymous] = [ViewContent],
            [Authenticated] = [ViewContent],
            [Editor] =
            [
                PublishContent, EditContent, DeleteContent, PreviewContent, CloneContent, ListContent,
                AccessAdminPanel, ManageMedia, ManageOwnMedia, ManageOwnUserInformation, ManageQueries,
            ],
            [Moderator] = [AccessAdminPanel, ManageOwnUserInformation],
            [Author] =
            [
                PublishOwnContent, EditOwnContent, DeleteOwnContent, PreviewOwnContent, CloneOwnContent,
                AccessAdminPanel, ManageOwnMedia, ManageOwnUserInformation,
            ],
            [Contributor] =
            [
                EditOwnContent, PreviewOwnContent, CloneOwnContent,
                AccessAdminPanel, ManageOwnMedia, ManageOwnUserInformation,
            ],
        };

    public static IEnumerable<string> Names => Defaults.Keys;

    /// <summary>Roles that stand for kinds of caller rather than for people: they can't be deleted or assigned.</summary>
    public static bool IsSystem(string roleName) =>
        IsAdministrator(roleName) || IsSame(roleName, Anonymous) || IsSame(roleName, Authenticated);

    public static bool IsAdministrator(string roleName) => IsSame(roleName, Administrator);

    /// <summary>The built-in spelling of a role name ("AUTHENTICATED" → "Authenticated"), or the name as given.</summary>
    public static string Canonical(string roleName) =>
        Names.FirstOrDefault(n => IsSame(n, roleName)) ?? roleName;

    private static bool IsSame(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
