using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Api;

/// <summary>Orchard's Contents API on one site for the fixture; each test works on items of its own.</summary>
public sealed class ContentApiTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;
    private string _editor = null!;
    private string _reader = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync([TestSite.SetupRecipe(Recipe), .. SiteSettings]);
        await _site.SetupCompletion;
        _editor = await TokenAsync(_site.Http, "editor-site", "editor-secret-0123456789");
        _reader = await TokenAsync(_site.Http, "reader-site", ReaderSecret);
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string uri, string? token, string? json = null) =>
        SendAsync(_site.Http, method, uri, token, json);

    /// <summary>
    /// Changes written beside the site (another process, here another service provider) reach it within
    /// StoreVersions.PollInterval, so the answer is awaited with a deadline rather than expected at once.
    /// </summary>
    private async Task<HttpResponseMessage> GetUntilAsync(HttpStatusCode expected, string uri, string? token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await Send(HttpMethod.Get, uri, token);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline) return response;
            await Task.Delay(100);
        }
    }

    private static string Article(string id, string title, string? summary, string extra = "") =>
        $$"""{ "ContentItemId": "{{id}}", "ContentType": "Article", "TitlePart": { "Title": "{{title}}" }, "Article": { {{(summary is null ? "" : $"\"Summary\": {{ \"Text\": \"{summary}\" }}")}}{{extra}} } }""";

    private Task<ContentItem?> LatestAsync(string id) =>
        _store.WithStoreAsync(s => s.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest));

    [Test]
    public async Task Get_returns_the_published_item_as_Orchard_content_item_json()
    {
        var response = await Send(HttpMethod.Get, "/api/content/article1", _reader);
        var item = await JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That((string?)item["ContentItemId"], Is.EqualTo("article1"));
        Assert.That((string?)item["ContentType"], Is.EqualTo("Article"));
        Assert.That((bool?)item["Published"], Is.True);
        Assert.That((string?)item["Article"]?["Summary"]?["Text"], Is.EqualTo("The first article"));
    }

    [Test]
    public async Task Get_answers_404_for_an_unknown_item_and_for_one_that_is_only_a_draft()
    {
        var created = await Send(HttpMethod.Post, "/api/content?draft=true", _editor, Article("draftonly", "Draft", "d"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Send(HttpMethod.Get, "/api/content/nothing-here", _reader)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Send(HttpMethod.Get, "/api/content/draftonly", _reader)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await LatestAsync("draftonly"))?.Published, Is.False, "draft=true saves a draft");
    }

    [Test]
    public async Task Anonymous_callers_get_401_on_every_action_and_nothing_changes()
    {
        var before = await _store.SnapshotAsync();

        Assert.Multiple(async () =>
        {
            Assert.That((await Send(HttpMethod.Get, "/api/content/article1", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Send(HttpMethod.Delete, "/api/content/article1", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Send(HttpMethod.Post, "/api/content", null, Article("anon", "A", "a"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        Assert.That(await _store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_published_learning_submission_is_read_only_by_a_role_granted_a_permission_naming_its_type()
    {
        await _store.WithStoreAsync(async s =>
        {
            await s.GetRequiredService<ContentDefinitionStore>()
                .AlterTypeAsync("LearningSubmission", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
            var content = s.GetRequiredService<ContentManager>();
            var submission = await content.NewAsync("LearningSubmission");
            submission.ContentItemId = "submission1";
            await content.CreateAsync(submission, publish: true);
            return true;
        });

        var anonymous = await Send(HttpMethod.Get, "/api/content/submission1", null);
        var byReader = await GetUntilAsync(HttpStatusCode.Forbidden, "/api/content/submission1", _reader);
        await _store.WithStoreAsync(s => s.GetRequiredService<RoleService>()
            .SaveAsync("PartnerReader", null, ["View_LearningSubmission"], PermissionBehavior.Add));
        var granted = await GetUntilAsync(HttpStatusCode.OK, "/api/content/submission1", _reader);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(byReader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "ViewContent alone does not open a Securable type");
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await JsonAsync(granted))["ContentType"], Is.EqualTo("LearningSubmission"));
    }

    [Test]
    public async Task Delete_answers_204_for_an_unknown_item_and_removes_a_published_one_returning_it()
    {
        Assert.That((await Send(HttpMethod.Post, "/api/content", _editor, Article("doomed", "Doomed", "d"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var unknown = await Send(HttpMethod.Delete, "/api/content/nothing-here", _editor);
        var byReader = await Send(HttpMethod.Delete, "/api/content/doomed", _reader);
        var deleted = await Send(HttpMethod.Delete, "/api/content/doomed", _editor);

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(byReader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await JsonAsync(deleted))["ContentItemId"], Is.EqualTo("doomed"));
        Assert.That((await Send(HttpMethod.Get, "/api/content/doomed", _reader)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await LatestAsync("doomed"), Is.Null);
    }

    [Test]
    public async Task Post_creates_and_publishes_an_item_owned_by_the_calling_application()
    {
        var response = await Send(HttpMethod.Post, "/api/content", _editor, Article("created1", "Created", "new one"));
        var item = await JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), item.ToJsonString());
        Assert.That((bool?)item["Published"], Is.True);
        Assert.That((string?)item["Owner"], Is.EqualTo("editor-site"));
        Assert.That((string?)item["DisplayText"], Is.EqualTo("Created"));
        var read = await JsonAsync(await Send(HttpMethod.Get, "/api/content/created1", _reader));
        Assert.That((string?)read["Article"]?["Summary"]?["Text"], Is.EqualTo("new one"));
    }

    [Test]
    public async Task Post_on_an_existing_item_merges_objects_replaces_arrays_and_keeps_what_the_server_owns()
    {
        Assert.That((await Send(HttpMethod.Post, "/api/content", _editor, Article("merged", "Merged", "kept", """, "Links": ["a", "b", "c"]"""))).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        var original = await JsonAsync(await Send(HttpMethod.Get, "/api/content/merged", _reader));

        var response = await Send(HttpMethod.Post, "/api/content", _editor,
            """{ "ContentItemId": "merged", "ContentType": "Other", "Owner": "someone-else", "Article": { "Links": ["x"] } }""");
        var updated = await JsonAsync(await Send(HttpMethod.Get, "/api/content/merged", _reader));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(updated["Article"]?["Links"]?.ToJsonString(), Is.EqualTo("""["x"]"""), "arrays are replaced, not concatenated");
        Assert.That((string?)updated["Article"]?["Summary"]?["Text"], Is.EqualTo("kept"), "fields not posted stay");
        Assert.That((string?)updated["TitlePart"]?["Title"], Is.EqualTo("Merged"));
        Assert.That((string?)updated["ContentType"], Is.EqualTo("Article"));
        Assert.That((string?)updated["Owner"], Is.EqualTo("editor-site"));
        Assert.That((string?)updated["ContentItemVersionId"], Is.Not.EqualTo((string?)original["ContentItemVersionId"]), "a new published version");
    }

    [Test]
    public async Task Post_with_draft_true_on_a_published_item_leaves_the_published_version_served()
    {
        Assert.That((await Send(HttpMethod.Post, "/api/content", _editor, Article("drafted", "Drafted", "published text"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await Send(HttpMethod.Post, "/api/content?draft=true", _editor, """{ "ContentItemId": "drafted", "Article": { "Summary": { "Text": "draft text" } } }""");
        var served = await JsonAsync(await Send(HttpMethod.Get, "/api/content/drafted", _reader));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)served["Article"]?["Summary"]?["Text"], Is.EqualTo("published text"));
        Assert.That((string?)(await LatestAsync("drafted"))?.Data["Article"]?["Summary"]?["Text"], Is.EqualTo("draft text"));
    }

    [Test]
    public async Task A_post_failing_validation_answers_400_ProblemDetails_and_writes_nothing()
    {
        Assert.That((await Send(HttpMethod.Post, "/api/content", _editor, Article("valid1", "Valid", "ok"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = await _store.SnapshotAsync();

        var create = await Send(HttpMethod.Post, "/api/content", _editor, Article("invalid1", "Invalid", summary: null));
        var update = await Send(HttpMethod.Post, "/api/content", _editor, """{ "ContentItemId": "valid1", "Article": { "Summary": { "Text": "" } } }""");
        var problem = await JsonAsync(create);

        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(create.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string?)problem["title"], Is.EqualTo("One or more validation errors occurred."));
        Assert.That((string?)problem["detail"], Is.EqualTo("A value is required."));
        Assert.That((int?)problem["status"], Is.EqualTo(400));
        Assert.That(problem["errors"]?["Article.Summary"]?.ToJsonString(), Is.EqualTo("""["A value is required."]"""));
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _store.SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("""{ "ContentType": "NoSuchType", "TitlePart": { "Title": "x" } }""", "The content type 'NoSuchType' does not exist.")]
    [TestCase("""{ "TitlePart": { "Title": "x" } }""", "A new content item needs a ContentType.")]
    [TestCase("""{ "ContentType": "Article", """, "The request body")]
    [TestCase("""[ { "ContentType": "Article" } ]""", "must be a JSON object")]
    public async Task A_post_with_an_unknown_type_or_malformed_json_answers_400_with_a_message(string body, string message)
    {
        var before = await _store.SnapshotAsync();

        var response = await Send(HttpMethod.Post, "/api/content", _editor, body);
        var problem = await JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That($"{problem["title"]} {problem["detail"]}", Does.Contain(message));
        Assert.That(await _store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_post_by_an_application_that_may_only_read_is_forbidden_and_writes_nothing()
    {
        var before = await _store.SnapshotAsync();

        var create = await Send(HttpMethod.Post, "/api/content", _reader, Article("byreader", "R", "r"));
        var update = await Send(HttpMethod.Post, "/api/content", _reader, """{ "ContentItemId": "article1", "TitlePart": { "Title": "Changed" } }""");

        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Checks_true_returns_the_writing_findings_of_each_body_and_publishing_through_the_api_is_not_held_back()
    {
        const string note = """
            { "ContentItemId": "checkednote", "ContentType": "Note", "TitlePart": { "Title": "Checked" },
              "MarkdownBodyPart": { "Markdown": "A photo: ![](/media/team.jpg)\n\nFor details [click here](/guide)." },
              "Note": { "Aside": { "Html": "<h2>Aside</h2><h4>Too deep</h4>" } } }
            """;
        var published = await JsonAsync(await Send(HttpMethod.Post, "/api/content?checks=true", _editor, note));

        Assert.That((bool?)published["Published"], Is.True, "the API publishes as before");
        var checks = published["WritingChecks"]!;
        Assert.That((string?)checks["ReadingAgeFormula"], Does.Contain("0.39"));
        Assert.That(checks["BlockingChecks"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "image-missing-alt" }));
        var bodies = checks["Bodies"]!.AsArray();
        Assert.That(bodies.Select(b => (string?)b!["Path"]), Is.EqualTo(new[] { "MarkdownBodyPart.Markdown", "Note.Aside.Html" }));
        Assert.That(bodies[0]!["Findings"]!.AsArray().Select(f => (string?)f!["CheckId"]), Is.EqualTo(new[] { "image-missing-alt", "link-vague-text" }));
        Assert.That((string?)bodies[0]!["Findings"]![0]!["Severity"], Is.EqualTo("Serious"));
        Assert.That((double?)bodies[0]!["Statistics"]!["ReadingAge"], Is.GreaterThan(0));
        Assert.That(bodies[1]!["Findings"]!.AsArray().Select(f => (string?)f!["CheckId"]), Is.EqualTo(new[] { "heading-skipped-level" }));

        var read = await JsonAsync(await Send(HttpMethod.Get, "/api/content/checkednote?checks=true", _reader));
        Assert.That((int?)read["WritingChecks"]!["FindingsCount"], Is.EqualTo(3));
        var plain = await JsonAsync(await Send(HttpMethod.Get, "/api/content/checkednote", _reader));
        Assert.That(plain["WritingChecks"], Is.Null, "without ?checks=true the item is Orchard's shape alone");
    }
}
