using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.GraphQL.Tests.Support;

namespace OneDigital.GraphQL.Tests.Security;

/// <summary>Which items a caller gets, by status and by type, on the One Digital model.</summary>
public class VisibilityTests
{
    private GraphQLTestSite _site = null!;
    private string _publishedSubmission = "", _draftSubmission = "";

    [OneTimeSetUp]
    public async Task CreateContent()
    {
        _site = await GraphQLTestSite.OneDigitalAsync();
        _publishedSubmission = (await _site.CreateAsync("LearningSubmission", i => Submission(i, "Published by mistake"), publish: true)).ContentItemId;
        _draftSubmission = (await _site.CreateAsync("LearningSubmission", i => Submission(i, "From the form"), publish: false)).ContentItemId;
        await _site.CreateAsync("Page", i => i.DisplayText = "Alice's draft", publish: false, owner: "alice");
        await _site.CreateAsync("Page", i => i.DisplayText = "Bob's draft", publish: false, owner: "bob");
        await using var scope = _site.Store.Scope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().SaveAsync("Reviewer", null, ["View_LearningSubmission", "Edit_LearningSubmission"], PermissionBehavior.Replace);
    }

    private static void Submission(OneDigital.Content.Items.ContentItem item, string title)
    {
        item.DisplayText = title;
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        var part = item.GetOrCreatePart("LearningSubmission");
        part["Title"] = new JsonObject { ["Text"] = title };
        part["Name"] = new JsonObject { ["Text"] = "Sam" };
        part["Email"] = new JsonObject { ["Text"] = "sam@example.org" };
        part["Summary"] = new JsonObject { ["Text"] = "What we learnt" };
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private static string[] Titles(JsonObject data, string field) =>
        [.. data[field]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>())];

    private static string[] Ids(JsonObject data, string field) =>
        [.. data[field]!.AsArray().Select(i => i!["contentItemId"]!.GetValue<string>())];

    [Test]
    public async Task Anonymous_callers_never_see_learning_submissions()
    {
        var data = await _site.DataAsync($$"""
            {
              learningSubmission { displayText }
              all: learningSubmission(status: ALL) { displayText }
              learningSubmissionConnection { totalCount }
              contentItem(contentItemId: "{{_publishedSubmission}}") { displayText }
            }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(Titles(data, "learningSubmission"), Is.Empty);
            Assert.That(Titles(data, "all"), Is.Empty);
            Assert.That(data["learningSubmissionConnection"]!["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(data["contentItem"], Is.Null);
        });
    }

    [Test]
    public async Task Signed_in_readers_with_only_general_permissions_do_not_see_learning_submissions_either()
    {
        var data = await _site.DataAsync("{ learningSubmission { displayText } }", GraphQLTestSite.User("reader", "Authenticated"));
        Assert.That(Titles(data, "learningSubmission"), Is.Empty);
    }

    [Test]
    public async Task A_role_granted_the_type_permissions_reads_submissions_and_their_drafts()
    {
        var reviewer = GraphQLTestSite.User("reviewer", "Reviewer");
        var data = await _site.DataAsync($$"""
            {
              learningSubmission { contentItemId }
              drafts: learningSubmission(status: DRAFT) { contentItemId }
              contentItem(contentItemId: "{{_publishedSubmission}}") { contentItemId }
            }
            """, reviewer);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(data, "learningSubmission"), Is.EqualTo(new[] { _publishedSubmission }));
            Assert.That(Ids(data, "drafts"), Is.EqualTo(new[] { _draftSubmission }));
            Assert.That(data["contentItem"]!["contentItemId"]!.GetValue<string>(), Is.EqualTo(_publishedSubmission));
        });
    }

    [Test]
    public async Task Drafts_need_permission_to_edit()
    {
        var anonymous = await _site.DataAsync("{ page(status: DRAFT) { displayText } latest: page(status: LATEST) { displayText } }");
        var editor = await _site.DataAsync("{ page(status: DRAFT, orderBy: { displayText: ASC }) { displayText } }", GraphQLTestSite.User("ed", "Editor"));
        Assert.Multiple(() =>
        {
            Assert.That(Titles(anonymous, "page"), Is.Empty);
            Assert.That(Titles(anonymous, "latest"), Is.Empty);
            Assert.That(Titles(editor, "page"), Is.EqualTo(new[] { "Alice's draft", "Bob's draft" }));
        });
    }

    [Test]
    public async Task Contributors_see_their_own_drafts_only()
    {
        var data = await _site.DataAsync("{ page(status: DRAFT) { displayText } pageConnection(status: DRAFT) { totalCount } }", GraphQLTestSite.User("alice", "Contributor"));
        Assert.Multiple(() =>
        {
            Assert.That(Titles(data, "page"), Is.EqualTo(new[] { "Alice's draft" }));
            Assert.That(data["pageConnection"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Status_LATEST_and_ALL_include_published_items_for_editors()
    {
        var editor = GraphQLTestSite.User("ed", "Editor");
        var data = await _site.DataAsync("{ latest: pageConnection(status: LATEST) { totalCount } published: pageConnection { totalCount } }", editor);
        Assert.That(data["latest"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(data["published"]!["totalCount"]!.GetValue<int>() + 2));
    }

    [Test]
    public async Task Content_pickers_never_resolve_items_the_caller_may_not_view_and_the_schema_follows_the_new_field()
    {
        // A definition change: Page gets its own part with a picker field; the next query sees the new schema.
        await using (var scope = _site.Store.Scope())
        {
            var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
            await definitions.AlterFieldAsync("Page", "Related", "ContentPickerField",
                f => f.Settings["ContentPickerFieldSettings"] = new JsonObject { ["Multiple"] = true, ["DisplayAllContentTypes"] = true });
            await definitions.AlterTypeAsync("Page", t => t.Parts.Add(new ContentTypePartDefinition { PartName = "Page", Name = "Page" }));
        }
        await _site.CreateAsync("Page", i =>
        {
            i.DisplayText = "Links to a submission";
            i.GetOrCreatePart("Page")["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray(_publishedSubmission, _draftSubmission) };
        });
        const string query = """{ page(where: { displayText: "Links to a submission" }) { related { contentItemIds contentItems { contentItemId } } } }""";
        var anonymous = await _site.DataAsync(query);
        var reviewer = await _site.DataAsync(query, GraphQLTestSite.User("reviewer", "Reviewer"));
        Assert.Multiple(() =>
        {
            Assert.That(anonymous["page"]![0]!["related"]!["contentItemIds"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(anonymous["page"]![0]!["related"]!["contentItems"]!.AsArray(), Is.Empty);
            Assert.That(reviewer["page"]![0]!["related"]!["contentItems"]!.AsArray().Select(i => i!["contentItemId"]!.GetValue<string>()),
                Is.EqualTo(new[] { _publishedSubmission }), "pickers resolve published items only");
        });
    }
}
