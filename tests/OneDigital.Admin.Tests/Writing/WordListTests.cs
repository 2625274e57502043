using System.Net;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>The plain-English word list in the admin: shown from the shipped default, replaced by the site's own (which
/// the checks then use), refused with the line named when a line is not an entry, for those who manage settings.</summary>
public sealed class WordListTests : AdminSiteTests
{

    private async Task<string> CheckAsync(string text)
    {
        using var response = await Admin.PostFormAsync("/admin/content/new/Page", [new("format", "markdown"), new("text", text)], "/admin/writing/check");
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task The_site_list_replaces_the_default_a_bad_line_is_refused_and_the_default_comes_back()
    {
        Assert.That(await Admin.HtmlAsync("/admin/writing/words"), Does.Contain("utilise = use"));

        using var saved = await Admin.PostFormAsync("/admin/writing/words", [new("Words", "onboard = welcome"), new("action", "save")]);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await CheckAsync("We onboard people and utilise the hub."), Does.Contain("\"suggestion\":\"welcome\"").And.Not.Contain("\"suggestion\":\"use\""));

        using var refused = await Admin.PostFormAsync("/admin/writing/words", [new("Words", "onboard = welcome\nno equals sign"), new("action", "save")]);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Line 2: &quot;no equals sign&quot; must be written as &quot;word = suggestion&quot;."));

        using var reset = await Admin.PostFormAsync("/admin/writing/words", [new("Words", ""), new("action", "default")]);
        Assert.That(await CheckAsync("We utilise the hub."), Does.Contain("\"suggestion\":\"use\""));
    }

    [Test]
    public async Task An_author_may_not_change_the_list()
    {
        await Site.AddUserAsync("wordauthor", "Author-Pa55word!", "Author");
        using var author = new AdminClient(Site.Address);
        await author.SignInAsync("wordauthor", "Author-Pa55word!");

        using var response = await author.GetAsync("/admin/writing/words");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
