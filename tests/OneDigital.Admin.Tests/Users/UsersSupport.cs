// Why: the users and roles tests look up what the pages wrote (users, roles, audit rows) straight from the store,
// and find a user's or role's page by name as an administrator would by clicking.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Tests.Users;

internal static partial class UsersSupport
{
    public const string Password = "Editor-Pa55word!";

    public static async Task<User?> FindUserAsync(AdminSite site, string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
    }

    public static async Task<IList<string>> RolesOfAsync(AdminSite site, string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    public static async Task<Role?> FindRoleAsync(AdminSite site, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoleService>().FindAsync(name);
    }

    public static async Task<IReadOnlySet<string>> PermissionsOfAsync(AdminSite site, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoleService>().GetPermissionsAsync(role);
    }

    public static async Task<string> UserPathAsync(AdminSite site, string userName) =>
        $"/admin/users/{(await FindUserAsync(site, userName))!.Id}";

    public static async Task<string> RolePathAsync(AdminSite site, string role) =>
        $"/admin/roles/{(await FindRoleAsync(site, role))!.Id}";

    /// <summary>The newest audit rows (newest first) of these kinds.</summary>
    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(AdminSite site, params AuditKind[] kinds)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { Kinds = kinds, PageSize = 200 })).Events;
    }

    /// <summary>The messages of the page's error summary, decoded.</summary>
    public static IReadOnlyList<string> FormErrors(string html) =>
        [.. SummaryMatches(html).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value.Trim()))];

    /// <summary>How many POST forms the page has, and how many of them carry an antiforgery token (the layout's sign-out form is one).</summary>
    public static (int Forms, int WithToken) PostForms(string html)
    {
        var forms = PostForm().Matches(html);
        return (forms.Count, forms.Count(f => f.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)));
    }

    [GeneratedRegex("<form method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex PostForm();

    /// <summary>Field values for a form post: a name may repeat (checkboxes).</summary>
    public static List<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    [GeneratedRegex("<div class=\"govuk-error-summary__body\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryBody();

    [GeneratedRegex("<li>\\s*(?:<a href=\"#[^\"]*\">)?(?<text>[^<]+)", RegexOptions.Singleline)]
    private static partial Regex SummaryItem();

    private static IEnumerable<Match> SummaryMatches(string html) =>
        SummaryBody().Match(html) is { Success: true } body ? SummaryItem().Matches(body.Value) : [];
}
