using System.Text.RegularExpressions;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>
/// The store is Content's ground floor: its files name no other folder of Content, so every feature can build on it
/// and none of them is in a loop with it. Read from the source, so a fully-qualified name or a cref counts as well
/// as a using directive.
/// </summary>
public class StoreGroundFloorTests
{
    /// <summary>
    /// The files allowed to name a folder above the store, each with the folders it may name and why. Only
    /// ContentItemStore: it writes the field index rows, which it derives from the definitions (which parts and
    /// fields a type has), the field kinds (how a value maps to a column) and the item itself; it is being closed
    /// behind Content's read API, and takes those from its callers only once the field index moves out of it.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ContentItemStore.cs"] = ["Definitions", "Fields", "Items"],
    };

    [Test]
    public void The_store_names_no_other_folder_of_content()
    {
        var content = Path.Combine(RecipeRunner.RepositoryRoot(), "src", "OneDigital.Content");
        var folders = Directory.GetDirectories(content).Select(Path.GetFileName)
            .Where(f => f is not ("Store" or "bin" or "obj")).ToList();
        // "using OneDigital.Content.Items;", "OneDigital.Content.Items.ContentItem", and from inside the namespace
        // OneDigital.Content.Store, a partly qualified "Items.ContentItem".
        var reference = new Regex($@"(?<![\w.])(?:OneDigital\.Content\.)?({string.Join("|", folders)})\.[A-Z]\w*|OneDigital\.Content\.({string.Join("|", folders)})\b");

        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(content, "Store"), "*.cs", SearchOption.AllDirectories))
        {
            var allowed = Allowed.GetValueOrDefault(Path.GetFileName(file), []);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in reference.Matches(lines[i]))
                {
                    var folder = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                    if (!allowed.Contains(folder))
                    {
                        offenders.Add($"{Path.GetRelativePath(content, file)}:{i + 1} names {folder}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.That(offenders, Is.Empty, "Store/ must not refer to the folders above it; declare the thing in the feature and hand it down (a registration, a constructor parameter).");
    }

    [Test]
    public void Each_allowed_exception_still_needs_its_allowance()
    {
        var store = Path.Combine(RecipeRunner.RepositoryRoot(), "src", "OneDigital.Content", "Store");
        foreach (var (file, folders) in Allowed)
        {
            var text = File.ReadAllText(Path.Combine(store, file));
            foreach (var folder in folders)
            {
                Assert.That(text, Does.Contain($"OneDigital.Content.{folder}"), $"{file} no longer names {folder}: remove it from the allow-list.");
            }
        }
    }
}
