// Why: an administrator adds the Region text field to CaseStudy in Chromium, by keyboard, and each content type page
// they pass (type list, type edit, field edit, the remove-type warning) passes axe-core with no violations.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.ContentTypes;

public sealed class ContentTypeBrowserTests : BrowserTest
{
    [Test]
    public async Task An_administrator_adds_a_Region_text_field_to_CaseStudy_by_keyboard_and_every_page_passes_axe()
    {
        await Site.CreateItemAsync("CaseStudy", "Libraries on the coast", publish: true);
        await SignInAsync();
        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Content types" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/content-types");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Case Study", Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/admin/content-types/CaseStudy");
        await Axe.AssertNoViolationsAsync(Page);

        // The recipe's Region is a taxonomy field: it is removed first, from its own page.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Region field settings" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove field Region" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("The field was removed.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a field" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/admin/content-types/CaseStudy/fields/new");
        await Page.GetByLabel("Display name").FocusAsync();
        await Page.Keyboard.TypeAsync("Region");
        await Assertions.Expect(Page.GetByLabel("Technical name")).ToHaveValueAsync("Region");
        await Page.GetByLabel("Kind of field").SelectOptionAsync("TextField");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add field" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**/admin/content-types/CaseStudy/fields/Region?added=1");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Hint").FillAsync("The English region the project is in.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save field" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("The field was saved.")).ToBeVisibleAsync();

        await Page.GotoAsync("/admin/content/new/CaseStudy");
        await Assertions.Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "Region", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("The English region the project is in.")).ToBeVisibleAsync();

        await Page.GotoAsync("/admin/content-types/CaseStudy");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Remove this content type" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/content-types/CaseStudy/remove");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove content type" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Assertions.Expect(Page.GetByText("Confirm that you want to remove CaseStudy")).ToHaveCountAsync(2);
    }
}
