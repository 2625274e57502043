using System.Net.Http.Json;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>The editor in a browser: an Event from an empty form to GraphQL, the form by keyboard alone, and axe-core on the create form, the form with errors and the conflict page.</summary>
public sealed class EditorBrowserTests : BrowserTest
{
    [Test]
    public async Task An_editor_creates_an_event_draft_with_every_field_fixes_an_error_publishes_it_and_GraphQL_answers_it()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Event");

        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Digital skills open day");
        await Page.Locator(".CodeMirror").ClickAsync();
        await Page.Keyboard.TypeAsync("Come and **learn** with us.");
        await Page.Locator("#Event-EndsAt").FillAsync("12");
        await Page.Locator("#Event-EndsAt-month").FillAsync("9");
        await Page.Locator("#Event-EndsAt-year").FillAsync("2026");
        await Page.Locator("#Event-EndsAt-Time").FillAsync("16:00");
        await Page.Locator("#Event-EventType").CheckAsync();
        await Page.GetByLabel("Venue").FillAsync("Central Library");
        await Page.GetByLabel("The event takes place online").CheckAsync();
        await Page.GetByLabel("Registration: address").FillAsync("https://example.org/register");
        await Page.GetByLabel("Registration: link text").FillAsync("Book a place");
        await Page.GetByLabel("Working with learners").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).Last.ClickAsync();

        // The start is required: the summary says so and links to the field, whose typed neighbours are kept.
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Starts at: A value is required." }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Event-StartsAt")).ToBeFocusedAsync();
        await Assertions.Expect(Page.GetByLabel("Venue")).ToHaveValueAsync("Central Library");
        await Page.Locator("#Event-StartsAt").FillAsync("12");
        await Page.Locator("#Event-StartsAt-month").FillAsync("9");
        await Page.Locator("#Event-StartsAt-year").FillAsync("2026");
        await Page.Locator("#Event-StartsAt-Time").FillAsync("10:00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("item-status")).ToHaveTextAsync("Draft");

        await SubmitAndExpectTheContentListAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync());

        using var http = new HttpClient { BaseAddress = Site.Address };
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query = "{ event { displayText autoroutePart { path } markdownBodyPart { markdown } } }" });
        var json = await response.Content.ReadAsStringAsync();
        Assert.That(json, Does.Contain("\"displayText\":\"Digital skills open day\""), json);
        Assert.That(json, Does.Contain("events/digital-skills-open-day"), "the path made from the pattern");
        Assert.That(json, Does.Contain("Come and **learn** with us."), "the markdown typed in EasyMDE");
    }

    [Test]
    public async Task The_event_form_is_filled_and_saved_with_the_keyboard_alone()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Event");
        await Page.GetByLabel("Title", new() { Exact = true }).FocusAsync();

        await Page.Keyboard.TypeAsync("Keyboard event");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "AutoroutePart.Path");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("aria-label", "Body");
        await Page.Keyboard.TypeAsync("Typed in the body.");
        // Tab leaves the body editor: its Preview button, then the start date.
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Preview Body");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "Event.StartsAt.Day");
        await Page.Keyboard.TypeAsync("3");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("10");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("2026");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "Event.StartsAt.Time");
        await Page.Keyboard.TypeAsync("09:30");
        // Enter in a text input submits the form's first button: Save draft.
        await SubmitAndExpectTheContentListAsync(() => Page.Keyboard.PressAsync("Enter"));
        var saved = (await Site.LatestOfTypeAsync("Event")).Single(e => e.DisplayText == "Keyboard event");
        Assert.That((string?)saved.Part("MarkdownBodyPart")!["Markdown"], Is.EqualTo("Typed in the body."));
    }

    /// <summary>The save is answered with a redirect to the content list (whose page another part of the admin provides).</summary>
    private async Task SubmitAndExpectTheContentListAsync(Func<Task> submit)
    {
        var response = await Page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "POST");
        Assert.That(response.Status, Is.EqualTo(302), "a redirect after the save");
        Assert.That(await response.HeaderValueAsync("location"), Is.EqualTo("/admin/content"));
    }

    [Test]
    public async Task The_create_form_the_form_with_errors_and_the_conflict_page_have_no_axe_violations()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Event");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        var id = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Shared page", publish: true);
        await Page.GotoAsync($"/admin/content/{id}/edit");
        await Axe.AssertNoViolationsAsync(Page);
        await Site.SaveAsAnotherEditorAsync(id, i => i.GetOrCreatePart("TitlePart")["Title"] = "Changed meanwhile");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("My change");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Someone else changed this item", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "edit-conflict.png"), FullPage = true });
    }
}
