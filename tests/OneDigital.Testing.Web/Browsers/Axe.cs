// Why: every page type (admin and site) is checked with axe-core (WCAG 2.2 AA rules); a failure lists each violation with the
// elements it found, so the message says what to fix without opening a report.
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OneDigital.Testing.Web.Browsers;

public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Runs axe on the page as it is now and fails with a readable list unless there are no violations.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        Assert.That(result.Violations, Is.Empty, () => Describe(page.Url, result.Violations));
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} violation(s) on {url}:\n");
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                text.AppendLine($"    {node.Target}: {node.Html}");
                text.AppendLine($"      {string.Join("; ", checks)}");
            }
        }
        return text.ToString();
    }
}
