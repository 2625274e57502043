using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Orchard;

/// <summary>
/// Widgets in a FlowPart, items in a named BagPart and menus, as Orchard's GraphQL answers them, on the fixture
/// <c>Fixtures/flow-bag-menu.recipe.json</c>.
/// </summary>
public class WidgetAndMenuTests
{
    private GraphQLTestSite _site = null!;

    [OneTimeSetUp]
    public async Task ImportFixture()
    {
        _site = await GraphQLTestSite.CreateAsync();
        await using (var scope = _site.Store.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var created = await users.CreateAsync(new User { Id = "4f1useralice00000000000000", UserName = "alice", Email = "alice@example.org" });
            Assert.That(created.Succeeded, Is.True, () => string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await _site.Store.ImportFileAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "tests", "OneDigital.GraphQL.Tests", "Orchard", "Fixtures", "flow-bag-menu.recipe.json"));
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    [Test]
    public async Task Flow_widgets_answer_fragments_on_their_types_with_their_flow_metadata()
    {
        var data = await _site.DataAsync("""
            {
              landingPage {
                flowPart {
                  widgets {
                    contentItemId
                    contentType
                    ... on HtmlWidget { htmlBodyPart { html } metadata { alignment size } }
                    ... on QuoteWidget { quote { text } metadata { alignment size } }
                  }
                }
              }
            }
            """);
        var widgets = data["landingPage"]![0]!["flowPart"]!["widgets"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(widgets.Select(w => w!["contentType"]!.GetValue<string>()), Is.EqualTo(new[] { "HtmlWidget", "QuoteWidget" }));
            Assert.That(widgets[0]!["htmlBodyPart"]!["html"]!.GetValue<string>(), Is.EqualTo("<p>Welcome to the hub.</p>"));
            Assert.That(widgets[0]!["metadata"]!.ToJsonString(), Is.EqualTo("""{"alignment":"Center","size":50}"""));
            Assert.That(widgets[1]!["quote"]!["text"]!.GetValue<string>(), Is.EqualTo("Confidence grows one click at a time."));
            Assert.That(widgets[1]!["metadata"]!.ToJsonString(), Is.EqualTo("""{"alignment":"Justify","size":100}"""));
        });
    }

    [Test]
    public async Task A_named_bag_part_lists_its_items_and_hides_a_securable_type_from_readers_without_its_permission()
    {
        const string query = """
            {
              landingPage {
                services {
                  contentItems {
                    contentType
                    displayText
                    ... on ServiceCard { summary { text } }
                    ... on StaffNote { htmlBodyPart { html } }
                  }
                }
              }
            }
            """;
        var anonymous = await _site.DataAsync(query);
        var admin = await _site.DataAsync(query, GraphQLTestSite.Administrator);
        JsonArray Items(JsonObject data) => data["landingPage"]![0]!["services"]!["contentItems"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Items(anonymous).Select(i => i!["contentType"]!.GetValue<string>()), Is.EqualTo(new[] { "ServiceCard" }));
            Assert.That(Items(anonymous)[0]!["summary"]!["text"]!.GetValue<string>(), Is.EqualTo("Borrow a tablet for a month."));
            Assert.That(Items(admin).Select(i => i!["contentType"]!.GetValue<string>()), Is.EqualTo(new[] { "ServiceCard", "StaffNote" }));
        });
    }

    [Test]
    public async Task A_preview_of_a_draft_shows_its_widgets_but_not_a_securable_nested_type()
    {
        var draft = await _site.CreateAsync("LandingPage", i =>
        {
            i.DisplayText = "Draft hub";
            i.Data["FlowPart"] = new JsonObject { ["Widgets"] = new JsonArray(Widget("HtmlWidget", "<p>Coming soon</p>")) };
            i.Data["Services"] = new JsonObject { ["ContentItems"] = new JsonArray(Widget("StaffNote", "<p>Internal</p>")) };
        }, publish: false);
        string token;
        await using (var scope = _site.Store.Scope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Preview.PreviewTokens>().IssueAsync(draft.ContentItemId, "editor")).Token;
        }
        var data = await _site.DataAsync($$"""
            { contentItem(contentItemId: "{{draft.ContentItemId}}", status: DRAFT) { ... on LandingPage { flowPart { widgets { contentType } } services { contentItems { contentType } } } } }
            """, previewToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(data["contentItem"]!["flowPart"]!["widgets"]!.AsArray().Select(w => w!["contentType"]!.GetValue<string>()), Is.EqualTo(new[] { "HtmlWidget" }));
            Assert.That(data["contentItem"]!["services"]!["contentItems"]!.AsArray(), Is.Empty);
        });
    }

    private static JsonObject Widget(string type, string html) => new()
    {
        ["ContentItemId"] = Guid.NewGuid().ToString("N")[..26],
        ["ContentType"] = type,
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = html },
    };

    [Test]
    public async Task Types_with_a_stereotype_have_no_root_field_but_fragments_on_them_validate()
    {
        var rootField = await _site.ExecuteAsync("{ htmlWidget { contentItemId } }");
        var fragment = await _site.DataAsync("""
            query { contentItem(contentItemId: "4f1landing0000000000000000") { ... on HtmlWidget { htmlBodyPart { html } } ... on LandingPage { displayText } } }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(rootField["errors"]?.ToJsonString(), Does.Contain("htmlWidget"));
            Assert.That(fragment["contentItem"]!["displayText"]!.GetValue<string>(), Is.EqualTo("Digital skills hub"));
        });
    }

    [Test]
    public async Task A_menu_answers_link_content_and_html_items_with_one_nested_level()
    {
        var data = await _site.DataAsync("""
            {
              menu {
                displayText
                aliasPart { alias }
                menuItemsListPart {
                  menuItems {
                    contentType
                    displayText
                    ... on LinkMenuItem {
                      linkMenuItemPart { name url target }
                      menuItemsListPart {
                        menuItems {
                          displayText
                          ... on LinkMenuItem { linkMenuItemPart { url target } }
                          ... on HtmlMenuItem { htmlMenuItemPart { url html } }
                        }
                      }
                    }
                    ... on ContentMenuItem { contentMenuItemPart { name selectedContentItem { contentItemIds contentItems { displayText ... on LandingPage { autoroutePart { path } } } } } }
                  }
                }
              }
            }
            """);
        var menu = data["menu"]![0]!;
        var items = menu["menuItemsListPart"]!["menuItems"]!.AsArray();
        var nested = items[2]!["menuItemsListPart"]!["menuItems"]!.AsArray();
        var selected = items[1]!["contentMenuItemPart"]!["selectedContentItem"]!["contentItems"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(menu["aliasPart"]!["alias"]!.GetValue<string>(), Is.EqualTo("main-menu"));
            Assert.That(items.Select(i => i!["displayText"]!.GetValue<string>()), Is.EqualTo(new[] { "Home", "Skills hub", "About" }));
            Assert.That(items[0]!["linkMenuItemPart"]!.ToJsonString(), Is.EqualTo("""{"name":"Home","url":"~/","target":"_self"}"""));
            Assert.That(items[1]!["contentMenuItemPart"]!["name"]!.GetValue<string>(), Is.EqualTo("Skills hub"));
            Assert.That(selected["displayText"]!.GetValue<string>(), Is.EqualTo("Digital skills hub"));
            Assert.That(selected["autoroutePart"]!["path"]!.GetValue<string>(), Is.EqualTo("digital-skills-hub"));
            Assert.That(items[2]!["linkMenuItemPart"]!["name"]!.GetValue<string>(), Is.EqualTo("About us"));
            Assert.That(nested.Select(i => i!["displayText"]!.GetValue<string>()), Is.EqualTo(new[] { "Our team", "Contact" }));
            Assert.That(nested[0]!["linkMenuItemPart"]!["target"]!.GetValue<string>(), Is.EqualTo("_blank"));
            Assert.That(nested[1]!["htmlMenuItemPart"]!["html"]!.GetValue<string>(), Does.Contain("<strong>Contact</strong>").And.Not.Contain("onerror"));
        });
    }

    [Test]
    public async Task Menu_items_read_through_the_MenuItem_interface()
    {
        var data = await _site.DataAsync("""
            { menu { menuItemsListPart { menuItems { displayText ... on MenuItem { menuItemsList { menuItems { displayText } } } } } } }
            """);
        var items = data["menu"]![0]!["menuItemsListPart"]!["menuItems"]!.AsArray();
        Assert.That(items[2]!["menuItemsList"]!["menuItems"]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()),
            Is.EqualTo(new[] { "Our team", "Contact" }));
    }

    [Test]
    public async Task A_date_field_is_a_date_and_a_user_picker_gives_the_users_that_exist_without_their_emails()
    {
        var data = await _site.DataAsync("""
            { landingPage { flowPart { widgets { ... on QuoteWidget { said { value } speakers { userIds users { userId userName } firstUser { userName } } } } } } }
            """);
        var quote = data["landingPage"]![0]!["flowPart"]!["widgets"]![1]!;
        var emailQuery = await _site.ExecuteAsync("""
            { landingPage { flowPart { widgets { ... on QuoteWidget { speakers { users { email } } } } } } }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(quote["said"]!["value"]!.GetValue<string>(), Is.EqualTo("2025-03-04"));
            Assert.That(quote["speakers"]!["userIds"]!.AsArray().Count, Is.EqualTo(2));
            Assert.That(quote["speakers"]!["users"]!.ToJsonString(), Is.EqualTo("""[{"userId":"4f1useralice00000000000000","userName":"alice"}]"""));
            Assert.That(quote["speakers"]!["firstUser"]!["userName"]!.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(emailQuery["errors"]?.ToJsonString(), Does.Contain("email"));
        });
    }
}
