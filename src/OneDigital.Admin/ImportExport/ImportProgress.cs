// Why: the import page and its small JSON status say the same words about a running import.
namespace OneDigital.Admin.ImportExport;

public sealed record FailureView(ImportFailure Failure, string Title, string Explanation);

internal static class ImportProgress
{
    public static string Describe(RecipeImport import) => import.Stage switch
    {
        ImportStage.Waiting => "Waiting for another import on this server to finish.",
        ImportStage.Running when import.Result?.CurrentStep is { } step => $"Running step {step}. {import.Result.ItemsWritten} content items written so far.",
        ImportStage.Running => "Starting.",
        ImportStage.Done => "The import has finished.",
        ImportStage.Failed => "The import failed.",
        _ => "The import has not started.",
    };
}
