using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Recipes.Confinement;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// media: copies files (<c>SourcePath</c> relative to the recipe, or <c>Base64</c>) into the media folder under
/// <c>TargetPath</c>. Files are written after the import commits; a missing source file is a warning.
/// A source must be a regular file inside the recipe's folder (<see cref="RecipeFiles"/>): an absolute path, a link
/// out of the folder, a device or a file over the limit fails the step. A relative path that climbs out of the
/// folder is not read and only warned about, because Orchard's module recipes name their theme's images as
/// <c>../wwwroot/...</c>, which has no meaning outside Orchard's module layout.
/// </summary>
public sealed class MediaStep(IMediaFileStore mediaFiles) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["media"];

    public Task ExecuteAsync(RecipeStepContext context)
    {
        var files = context.Array("Files");
        for (var i = 0; i < files.Count; i++)
        {
            var path = $"Files[{i}]";
            if (files[i] is not JsonObject file)
            {
                throw context.Fail(path, "A media file must be an object with TargetPath and SourcePath or Base64.");
            }
            var target = JsonValues.NonEmptyString(RecipeStepContext.Get(file, "TargetPath"));
            if (target is null)
            {
                throw context.Fail($"{path}.TargetPath", "TargetPath is required.");
            }
            string destination;
            try
            {
                destination = MediaPaths.File(target);
            }
            catch (MediaException)
            {
                throw context.Fail($"{path}.TargetPath", $"'{target}' points outside the media folder.");
            }
            byte[]? bytes = null;
            string? source = null;
            if (JsonValues.NonEmptyString(RecipeStepContext.Get(file, "Base64")) is { } base64)
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
            else if (JsonValues.NonEmptyString(RecipeStepContext.Get(file, "SourcePath")) is { } sourcePath)
            {
                var limit = context.Execution.Limits.MaxMediaFileBytes;
                if (!Path.IsPathRooted(sourcePath) && LeavesFolder(context.Execution.Recipe.BasePath, sourcePath))
                {
                    context.Warn($"{context.Path}.{path}.SourcePath: '{sourcePath}' lies outside the recipe's folder and was not read; '{target}' was not added to the media library.");
                    continue;
                }
                try
                {
                    source = RecipeFiles.Resolve(context.Execution.Recipe.BasePath, sourcePath);
                    if (!File.Exists(source))
                    {
                        context.Warn($"{context.Path}.{path}.SourcePath: the file '{sourcePath}' does not exist next to the recipe; '{target}' was not added to the media library.");
                        continue;
                    }
                    RecipeFiles.CheckRegularFile(source, sourcePath, limit, "OneDigital:Recipes:MaxMediaFileBytes");
                }
                catch (RecipeFileException ex)
                {
                    throw context.Fail($"{path}.SourcePath", ex.Message, ex);
                }
            }
            else if (JsonValues.NonEmptyString(RecipeStepContext.Get(file, "SourceUrl")) is { } url)
            {
                context.Warn($"{context.Path}.{path}.SourceUrl: downloading '{url}' is not supported; '{target}' was not added.");
                continue;
            }
            else
            {
                throw context.Fail(path, "A media file needs SourcePath or Base64.");
            }
            var copyLimit = bytes is null ? context.Execution.Limits.MaxMediaFileBytes : long.MaxValue;
            context.Execution.AfterCommit.Add(async () =>
            {
                // Through the library's storage, so a shared folder gets the file too; staged, then renamed over.
                await using Stream content = bytes is not null ? new MemoryStream(bytes) : File.OpenRead(source!);
                MediaStagedFile staged;
                try
                {
                    staged = await mediaFiles.StageAsync(content, copyLimit);
                }
                catch (MediaTooLargeException)
                {
                    throw new RecipeFileException($"'{source}' grew past OneDigital:Recipes:MaxMediaFileBytes ({copyLimit} bytes) while it was copied.");
                }
                await using var _ = staged;
                await mediaFiles.CreateFolderAsync(MediaPaths.Parent(destination));
                await mediaFiles.ReplaceAsync(staged, destination);
            });
        }
        return Task.CompletedTask;
    }

    private static bool LeavesFolder(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return !full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
