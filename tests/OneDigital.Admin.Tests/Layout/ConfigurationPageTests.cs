using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Layout;

/// <summary>Configuration pages sit under one header entry, grouped, each shown only to those who may open it.</summary>
public sealed class ConfigurationPageTests : AdminSiteTests
{
    [Test]
    public async Task The_header_links_to_configuration_which_lists_grouped_pages_and_marks_itself_current_on_them()
    {
        var page = await Admin.HtmlAsync("/admin/configuration");
        Assert.That(page, Does.Contain("<h2 class=\"govuk-heading-m\">Site settings</h2>"));
        Assert.That(page, Does.Contain("href=\"/admin/writing/words\">Plain-English word list</a>"));

        var wordList = await Admin.HtmlAsync("/admin/writing/words");
        Assert.That(wordList, Does.Contain("href=\"/admin/configuration\" aria-current=\"page\""), "Configuration is current on a grouped page");
        Assert.That(wordList, Does.Not.Contain("govuk-service-navigation__link\" href=\"/admin/writing/words\""), "grouped pages are not in the header");
    }

    [Test]
    public async Task An_author_who_may_open_no_configuration_page_sees_no_configuration_entry()
    {
        await Site.AddUserAsync("configauthor", "Author-Pa55word!", "Author");
        using var author = Site.NewClient();
        await author.SignInAsync("configauthor", "Author-Pa55word!");

        Assert.That(await author.HtmlAsync("/admin"), Does.Not.Contain("href=\"/admin/configuration\""));
        Assert.That(await author.HtmlAsync("/admin/configuration"), Does.Contain("There are no configuration pages you may open."));
    }
}
