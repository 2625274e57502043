using System.Net;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Account;

/// <summary>A SQLite site keeps its data-protection keys in the store, so a restart signs nobody out and keeps open forms valid.</summary>
public sealed class RestartTests
{
    [Test]
    public async Task A_sign_in_and_a_form_rendered_before_a_restart_still_work_after_it()
    {
        await using var store = TestSite.Create();
        string[] settings =
        [
            $"--OneDigital:Setup:AdminUserName={AdminSite.AdminUserName}",
            $"--OneDigital:Setup:AdminEmail={AdminSite.AdminEmail}",
            $"--OneDigital:Setup:AdminPassword={AdminSite.AdminPassword}",
        ];
        string html;
        AdminClient client;
        await using (var before = await store.StartAsync(settings))
        {
            await before.SetupCompletion;
            client = new AdminClient(before.Http.BaseAddress!);
            await client.SignInAsync(AdminSite.AdminUserName, AdminSite.AdminPassword);
            using var form = await client.GetAsync("/admin/account/email");
            html = await form.Content.ReadAsStringAsync();
        }
        using (client)
        {
            await using var after = await store.StartAsync(settings);
            await after.SetupCompletion;

            using var dashboard = await client.GetAsync(new Uri(after.Http.BaseAddress!, "/admin").ToString());
            using var posted = await client.PostRawAsync(new Uri(after.Http.BaseAddress!, "/admin/account/email").ToString(),
                [new("Email", "admin@restarted.example"), new("CurrentPassword", AdminSite.AdminPassword), new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(html))]);

            Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still signed in");
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the token from before the restart is accepted");
        }
    }
}
