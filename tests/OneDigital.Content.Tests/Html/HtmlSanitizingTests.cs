using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Html;

// A writer's HTML is stored sanitized, as Orchard does by default, so every reader of the store (REST, GraphQL,
// exports) gets it safe; a type or field that turns Orchard's SanitizeHtml off keeps what was written.

public sealed class HtmlSanitizingTests
{
    private const string Model = """
        { "name": "Model", "steps": [ { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Article", "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" },
                { "PartName": "Article", "Name": "Article" },
                { "PartName": "BagPart", "Name": "Sections" } ] },
            { "Name": "RawPage", "ContentTypePartDefinitionRecords": [
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": { "HtmlBodyPartSettings": { "SanitizeHtml": false } } } ] },
            { "Name": "Section", "Stereotype": "Widget", "ContentTypePartDefinitionRecords": [
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" } ] } ],
          "ContentParts": [ { "Name": "Article", "ContentPartFieldDefinitionRecords": [
            { "FieldName": "HtmlField", "Name": "Summary" },
            { "FieldName": "HtmlField", "Name": "Embed", "Settings": { "HtmlFieldSettings": { "SanitizeHtml": "false" } } } ] } ] } ] }
        """;

    private const string Hostile = """<p class="lead" onclick="steal()">Hello <img src="x.png" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">link</a> <a href="mailto:hub@example.org">mail</a></p><form action="https://evil.example"><input name="q"></form>""";

    private TestStore _store = null!;
    private AsyncServiceScope _scope;
    private ContentManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = await TestStore.CreateAsync();
        await _store.ImportAsync(Model);
        _scope = _store.Scope();
        _manager = _scope.ServiceProvider.GetRequiredService<ContentManager>();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public void The_sanitizer_removes_scripts_event_handlers_script_addresses_and_forms_and_keeps_classes_and_mail_links()
    {
        var clean = ContentHtml.Sanitize(Hostile)!;

        Assert.That(clean, Does.Not.Contain("<script").And.Not.Contain("onerror").And.Not.Contain("onclick").And.Not.Contain("javascript:"));
        Assert.That(clean, Does.Not.Contain("<form"), "Orchard removes form from the defaults");
        Assert.That(clean, Does.Contain("""<p class="lead">""").And.Contain("""<img src="x.png">""").And.Contain("""href="mailto:hub@example.org"""));
    }

    [Test]
    public async Task An_HtmlBodyPart_and_HtmlField_are_stored_sanitized_and_so_read_back_by_anyone()
    {
        var article = await _manager.NewAsync("Article");
        article.GetOrCreatePart("TitlePart")["Title"] = "Welcome";
        article.GetOrCreatePart("HtmlBodyPart")["Html"] = Hostile;
        article.GetOrCreatePart("Article")["Summary"] = new JsonObject { ["Html"] = "<b onmouseover=\"x()\">Short</b><script>x()</script>" };
        await _manager.CreateAsync(article, publish: true);

        var stored = (await _manager.GetAsync(article.ContentItemId))!;

        Assert.That((string?)stored.Part("HtmlBodyPart")!["Html"], Is.EqualTo(ContentHtml.Sanitize(Hostile)));
        Assert.That((string?)stored.Part("Article")!["Summary"]!["Html"], Is.EqualTo("<b>Short</b>"));
    }

    [Test]
    public async Task SanitizeHtml_false_on_the_type_part_or_on_the_field_keeps_the_HTML_as_written()
    {
        var page = await _manager.NewAsync("RawPage");
        page.GetOrCreatePart("HtmlBodyPart")["Html"] = Hostile;
        await _manager.CreateAsync(page, publish: true);
        var article = await _manager.NewAsync("Article");
        article.GetOrCreatePart("TitlePart")["Title"] = "Embed";
        article.GetOrCreatePart("Article")["Embed"] = new JsonObject { ["Html"] = "<script src=\"https://player.example/embed.js\"></script>" };
        await _manager.CreateAsync(article, publish: true);

        Assert.That((string?)(await _manager.GetAsync(page.ContentItemId))!.Part("HtmlBodyPart")!["Html"], Is.EqualTo(Hostile));
        Assert.That((string?)(await _manager.GetAsync(article.ContentItemId))!.Part("Article")!["Embed"]!["Html"],
            Is.EqualTo("<script src=\"https://player.example/embed.js\"></script>"));
    }

    [Test]
    public async Task Items_kept_inside_an_item_are_sanitized_by_their_own_types_settings()
    {
        var article = await _manager.NewAsync("Article");
        article.GetOrCreatePart("TitlePart")["Title"] = "With sections";
        article.GetOrCreatePart("Sections")["ContentItems"] = new JsonArray(new JsonObject
        {
            ["ContentItemId"] = "section1",
            ["ContentType"] = "Section",
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Part one<img src=x onerror=alert(1)></p>" },
        });
        await _manager.CreateAsync(article, publish: true);

        var stored = (await _manager.GetAsync(article.ContentItemId))!;

        Assert.That((string?)stored.Part("Sections")!["ContentItems"]![0]!["HtmlBodyPart"]!["Html"], Is.EqualTo("<p>Part one<img src=\"x\"></p>"));
    }

    [Test]
    public async Task A_recipe_import_stores_the_HTML_sanitized_too()
    {
        await _store.ImportAsync("""
            { "name": "content", "steps": [ { "name": "content", "data": [
              { "ContentItemId": "imported1", "ContentItemVersionId": "imported1v1", "ContentType": "Article", "DisplayText": "Imported",
                "Latest": true, "Published": true, "TitlePart": { "Title": "Imported" },
                "HtmlBodyPart": { "Html": "<p>Body</p><script>alert(1)</script>" } } ] } ] }
            """);

        var stored = (await _manager.GetAsync("imported1"))!;

        Assert.That((string?)stored.Part("HtmlBodyPart")!["Html"], Is.EqualTo("<p>Body</p>"));
    }
}
