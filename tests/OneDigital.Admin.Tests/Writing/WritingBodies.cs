// Why: the panel, publish and report tests write the same kinds of body: one with exactly the three findings of the
// issue's journey (an image without alt text, "click here", a 60-word sentence) and the same body fixed.
namespace OneDigital.Admin.Tests.Writing;

internal static class WritingBodies
{
    /// <summary>An image without alt text, "click here" and one 60-word sentence; nothing else the checks find.</summary>
    public static readonly string ThreeFindings =
        "![](/media/team.jpg)\n\nFor the guide [click here](/guide).\n\n"
        + "We talk and we help people" + string.Concat(Enumerable.Repeat(", we talk and we help people", 9)) + ".";

    /// <summary>The same body with the three findings fixed.</summary>
    public static readonly string Fixed =
        "![Six volunteers in the library](/media/team.jpg)\n\nRead [the guide to getting online](/guide).\n\n"
        + string.Join(" ", Enumerable.Repeat("We talk and we help people.", 10));
}
