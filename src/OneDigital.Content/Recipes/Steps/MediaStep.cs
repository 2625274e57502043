using System.Text.Json.Nodes;
using OneDigital.Content.Fields;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// media: copies files (<c>SourcePath</c> relative to the recipe, or <c>Base64</c>) into the media folder under
/// <c>TargetPath</c>. Files are written after the import commits; a missing source file is a warning.
/// </summary>
public sealed class MediaStep(StoreOptions options) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["media"];

    public static string MediaRoot(StoreOptions options) => Path.GetFullPath(Path.Combine(options.DataDir, "Media"));

    public Task ExecuteAsync(RecipeStepContext context)
    {
        var files = context.Array("Files");
        var root = MediaRoot(options);
        for (var i = 0; i < files.Count; i++)
        {
            var path = $"Files[{i}]";
            if (files[i] is not JsonObject file)
            {
                throw context.Fail(path, "A media file must be an object with TargetPath and SourcePath or Base64.");
            }
            var target = ContentFieldKinds.Text(RecipeStepContext.Get(file, "TargetPath"));
            if (target is null)
            {
                throw context.Fail($"{path}.TargetPath", "TargetPath is required.");
            }
            var destination = Path.GetFullPath(Path.Combine(root, target.TrimStart('/', '\\')));
            if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw context.Fail($"{path}.TargetPath", $"'{target}' points outside the media folder.");
            }
            byte[]? bytes = null;
            string? source = null;
            if (ContentFieldKinds.Text(RecipeStepContext.Get(file, "Base64")) is { } base64)
            {
                try
                {
                    bytes = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw context.Fail($"{path}.Base64", "The value is not valid Base64.");
                }
            }
            else if (ContentFieldKinds.Text(RecipeStepContext.Get(file, "SourcePath")) is { } sourcePath)
            {
                source = Path.GetFullPath(Path.Combine(context.Execution.Recipe.BasePath, sourcePath));
                if (!File.Exists(source))
                {
                    context.Warn($"{context.Path}.{path}.SourcePath: the file '{sourcePath}' does not exist next to the recipe; '{target}' was not added to the media library.");
                    continue;
                }
            }
            else if (ContentFieldKinds.Text(RecipeStepContext.Get(file, "SourceUrl")) is { } url)
            {
                context.Warn($"{context.Path}.{path}.SourceUrl: downloading '{url}' is not supported; '{target}' was not added.");
                continue;
            }
            else
            {
                throw context.Fail(path, "A media file needs SourcePath or Base64.");
            }
            context.Execution.AfterCommit.Add(async () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (bytes is not null) await File.WriteAllBytesAsync(destination, bytes);
                else File.Copy(source!, destination, overwrite: true);
            });
        }
        return Task.CompletedTask;
    }
}
