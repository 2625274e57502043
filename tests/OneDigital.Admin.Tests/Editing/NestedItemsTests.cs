// Why: Bag and Flow items are edited inside their item's form without JavaScript: Add, Move and Remove post the form
// and show it again changed with everything typed kept and nothing saved; Save writes the whole item once with its
// nested items in Orchard's shape (new ids for new items, kept ids for existing ones). Errors inside a nested item
// link to its input, a type the part does not allow is refused, and only those who may edit the item may do any of it.
using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Admin.Editing.Nested;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Tests.Editing;

public sealed class NestedItemsTests : AdminSiteTests
{
    private const string Password = "Editor-Pa55word!";
    private const string NewCarousel = "/admin/content/new/Carousel";
    private const string Slides = "Slides.ContentItems";

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("author", Password, "Author");
        await NestedItemsSite.DefineAsync(Site);
    }

    private static string Add(string type, string list = Slides) => NestedItemsPost.Action(NestedItemsPost.Add, list, type);

    private static string Move(string op, int index, string list = Slides) => NestedItemsPost.Action(op, list, index);

    [Test]
    public async Task Two_items_added_filled_moved_and_one_removed_are_saved_once_in_Orchards_shape_and_keep_their_ids_on_the_next_save()
    {
        var form = NestedItemsSite.Inputs(await Admin.HtmlAsync(NewCarousel)).With("TitlePart.Title", "Tour");
        var page = await Admin.PressAsync(NewCarousel, form, Add("Slide"));
        page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html).With($"{Slides}[0].Slide.Heading", "First"), Add("Quote"));
        page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html).With($"{Slides}[1].Quote.Words", "Second"), Add("Slide"));
        page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html).With($"{Slides}[2].Slide.Heading", "Third"), Move(NestedItemsPost.Down, 1));
        Assert.That(EditorSupport.InputValue(page.Html, $"{Slides}[1].Slide.Heading"), Is.EqualTo("Third"), "Quote moved below the third slide");
        page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html), Move(NestedItemsPost.Remove, 0));
        Assert.That(await Site.LatestOfTypeAsync("Carousel"), Has.None.Matches<ContentItem>(c => c.DisplayText == "Tour"), "adding, moving and removing save nothing");

        var saved = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html), "continue");

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var carousel = (await Site.LatestOfTypeAsync("Carousel")).Single(c => c.DisplayText == "Tour");
        var items = (JsonArray)carousel.Part("Slides")!["ContentItems"]!;
        Assert.That(items.Select(i => (string)i!["ContentType"]!), Is.EqualTo(new[] { "Slide", "Quote" }));
        Assert.That((string?)items[0]!["Slide"]!["Heading"]!["Text"], Is.EqualTo("Third"));
        Assert.That((string?)items[1]!["Quote"]!["Words"]!["Text"], Is.EqualTo("Second"));
        var ids = items.Select(i => (string)i!["ContentItemId"]!).ToArray();
        Assert.That(ids, Is.Unique.And.None.Empty.And.None.EqualTo(carousel.ContentItemId), "new items get ids of their own");
        Assert.That(items[0]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Owner", "Author", "Slide" }));

        var edit = $"/admin/content/{carousel.ContentItemId}/edit";
        page = await Admin.PressAsync(edit, NestedItemsSite.Inputs(await Admin.HtmlAsync(edit)), Move(NestedItemsPost.Up, 1));
        saved = await Admin.PressAsync(edit, NestedItemsSite.Inputs(page.Html), "draft");

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var again = (JsonArray)(await Site.LatestAsync(carousel.ContentItemId))!.Part("Slides")!["ContentItems"]!;
        Assert.That(again.Select(i => (string)i!["ContentItemId"]!), Is.EqualTo(ids.Reverse()), "existing items keep their ids");
    }

    [Test]
    public async Task Typed_values_even_unreadable_ones_survive_an_add_without_JavaScript_and_no_error_is_shown_yet()
    {
        var page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(await Admin.HtmlAsync(NewCarousel)).With("TitlePart.Title", "Kept"), Add("Slide"));
        var typed = NestedItemsSite.Inputs(page.Html).With($"{Slides}[0].Slide.Heading", "Welcome").With($"{Slides}[0].Slide.Seconds", "ten");

        page = await Admin.PressAsync(NewCarousel, typed, Add("Quote"));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(EditorSupport.InputValue(page.Html, "TitlePart.Title"), Is.EqualTo("Kept"));
        Assert.That(EditorSupport.InputValue(page.Html, $"{Slides}[0].Slide.Heading"), Is.EqualTo("Welcome"));
        Assert.That(EditorSupport.InputValue(page.Html, $"{Slides}[0].Slide.Seconds"), Is.EqualTo("ten"));
        Assert.That(page.Html, Does.Contain($"name=\"{Slides}[1].Quote.Words\"").And.Not.Contain("govuk-error-summary"));
        Assert.That(page.Html, Does.Contain("Move<span class=\"govuk-visually-hidden\" data-nested-title data-type=\"Quote\"> Quote 2</span> up"));
    }

    [Test]
    public async Task An_error_inside_a_nested_item_links_from_the_summary_to_its_input_and_nothing_is_saved()
    {
        var page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(await Admin.HtmlAsync(NewCarousel)).With("TitlePart.Title", "Invalid"), Add("Quote"));
        page = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html), Add("Slide"));

        var required = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html), "draft");
        var unreadable = await Admin.PressAsync(NewCarousel, NestedItemsSite.Inputs(page.Html).With($"{Slides}[1].Slide.Heading", "Hi").With($"{Slides}[1].Slide.Seconds", "ten"), "draft");

        Assert.That((required.Status, unreadable.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(WebUtility.HtmlDecode(required.Html), Does.Contain("href=\"#Slides-ContentItems-1-Slide-Heading\">Slide 2, Heading: A value is required.</a>"));
        Assert.That(required.Html, Does.Contain("id=\"Slides-ContentItems-1-Slide-Heading\"").And.Contain("id=\"Slides-ContentItems-1-Slide-Heading-error\""));
        Assert.That(unreadable.Html, Does.Contain("href=\"#Slides-ContentItems-1-Slide-Seconds\""));
        Assert.That(await Site.LatestOfTypeAsync("Carousel"), Has.None.Matches<ContentItem>(c => c.DisplayText == "Invalid"));
    }

    [Test]
    public async Task A_type_the_part_does_not_allow_is_refused_whether_added_or_forged_in_a_save()
    {
        var form = NestedItemsSite.Inputs(await Admin.HtmlAsync(NewCarousel)).With("TitlePart.Title", "Forged");
        Assert.That(await Admin.HtmlAsync(NewCarousel), Does.Contain(">Add Slide<").And.Not.Contain("Add Banner").And.Not.Contain("Add Hero"));

        var added = await Admin.PressAsync(NewCarousel, form, Add("Banner"));
        var saved = await Admin.PressAsync(NewCarousel, form
            .With($"{Slides}[0].ContentType", "Banner").With($"{Slides}[0].ContentItemId", "").With($"{Slides}[0].Banner.Words", "Sneaky"), "publish");

        foreach (var page in new[] { added, saved })
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(WebUtility.HtmlDecode(page.Html), Does.Contain("href=\"#Slides-ContentItems\">Slides cannot hold an item of type 'Banner'. Remove item 1.</a>"));
        }
        Assert.That(await Site.LatestOfTypeAsync("Carousel"), Has.None.Matches<ContentItem>(c => c.DisplayText == "Forged"));
    }

    [Test]
    public async Task A_Flow_offers_the_Widget_types_and_saves_its_widgets_under_Widgets()
    {
        const string NewLanding = "/admin/content/new/Landing";
        var html = await Admin.HtmlAsync(NewLanding);
        Assert.That(html, Does.Contain(">Add Hero<").And.Not.Contain("Add Slide"));

        var page = await Admin.PressAsync(NewLanding, NestedItemsSite.Inputs(html).With("TitlePart.Title", "Home"), Add("Hero", "FlowPart.Widgets"));
        var saved = await Admin.PressAsync(NewLanding, NestedItemsSite.Inputs(page.Html).With("FlowPart.Widgets[0].Hero.Strapline", "Hello"), "publish");

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var widget = ((JsonArray)(await Site.LatestOfTypeAsync("Landing")).Single().Part("FlowPart")!["Widgets"]!).Single()!;
        Assert.That(((string?)widget["ContentType"], (string?)widget["Hero"]!["Strapline"]!["Text"]), Is.EqualTo(("Hero", "Hello")));
    }

    [Test]
    public async Task Items_nested_in_nested_items_are_added_edited_and_saved_with_their_own_prefix()
    {
        const string NewBook = "/admin/content/new/Book";
        var page = await Admin.PressAsync(NewBook, NestedItemsSite.Inputs(await Admin.HtmlAsync(NewBook)).With("TitlePart.Title", "Anthology"), Add("Chapter", "Chapters.ContentItems"));
        page = await Admin.PressAsync(NewBook, NestedItemsSite.Inputs(page.Html).With("Chapters.ContentItems[0].TitlePart.Title", "One"), Add("Quote", "Chapters.ContentItems[0].Quotes.ContentItems"));

        var saved = await Admin.PressAsync(NewBook, NestedItemsSite.Inputs(page.Html).With("Chapters.ContentItems[0].Quotes.ContentItems[0].Quote.Words", "Deep"), "draft");

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var chapter = ((JsonArray)(await Site.LatestOfTypeAsync("Book")).Single().Part("Chapters")!["ContentItems"]!).Single()!;
        Assert.That((string?)chapter["DisplayText"], Is.EqualTo("One"));
        Assert.That((string?)chapter["Quotes"]!["ContentItems"]![0]!["Quote"]!["Words"]!["Text"], Is.EqualTo("Deep"));
    }

    [Test]
    public async Task Only_those_who_may_edit_the_item_may_add_move_or_save_its_nested_items()
    {
        var id = await Site.CreateAsync("Carousel", item =>
        {
            item.GetOrCreatePart("TitlePart")["Title"] = "Not yours";
            item.GetOrCreatePart("Slides")["ContentItems"] = new JsonArray(new JsonObject { ["ContentItemId"] = "slide1", ["ContentType"] = "Quote", ["Quote"] = new JsonObject { ["Words"] = new JsonObject { ["Text"] = "Mine" } } });
        });
        var edit = $"/admin/content/{id}/edit";
        var form = NestedItemsSite.Inputs(await Admin.HtmlAsync(edit));
        using var author = Site.NewClient();
        await author.SignInAsync("author", Password);
        var token = AdminClient.AntiforgeryToken(await author.HtmlAsync(NewCarousel));
        form = form.With(AdminClient.AntiforgeryField, token).With($"{Slides}[0].Quote.Words", "Theirs");

        using var get = await author.GetAsync(edit);
        var add = await author.PressAsync(edit, form, Add("Slide"));
        var save = await author.PressAsync(edit, form, "draft");

        Assert.That((get.StatusCode, add.Status, save.Status), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That((string?)(await Site.LatestAsync(id))!.Part("Slides")!["ContentItems"]![0]!["Quote"]!["Words"]!["Text"], Is.EqualTo("Mine"));
    }
}
