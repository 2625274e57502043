// Why: an editor reviews submissions in Chromium: every submission page passes axe-core, and both decisions are
// reachable by keyboard.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Submissions;

public sealed class SubmissionBrowserTests : BrowserTest
{
    [Test]
    public async Task An_editor_turns_one_submission_into_a_case_study_and_rejects_another_and_every_page_passes_axe()
    {
        await SubmissionPageTests.SubmitAsync(Site, "Buddying champions");
        await SubmissionPageTests.SubmitAsync(Site, "Already covered", name: "Sam Sender");
        await SignInAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Submissions" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/submissions");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Buddying champions" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn into a case study draft" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**?done=casestudy");
        await Axe.AssertNoViolationsAsync(Page);
        Assert.That(await Page.GetByRole(AriaRole.Link, new() { Name = "edit the case study draft" }).IsVisibleAsync(), Is.True);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to submissions" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Already covered" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Reject the submission" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reject submission" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Why is it rejected?").FillAsync("It repeats a published case study.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reject submission" }).ClickAsync();
        await Page.WaitForURLAsync("**?done=rejected");
        Assert.That(await Page.GetByTestId("review").TextContentAsync(), Does.Contain("It repeats a published case study."));
        await Axe.AssertNoViolationsAsync(Page);
    }
}
