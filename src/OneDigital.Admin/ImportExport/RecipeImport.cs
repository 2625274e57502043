// Why: an import is uploaded, tried (the dry run), then run for real in the background while its page shows progress;
// this is what the pages know of one such import between requests.
using OneDigital.Content.Recipes;

namespace OneDigital.Admin.ImportExport;

/// <summary>Where an uploaded recipe stands.</summary>
public enum ImportStage
{
    /// <summary>The dry run failed: the recipe cannot be imported as it is.</summary>
    Refused,
    /// <summary>The dry run passed; the import may be run.</summary>
    Ready,
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>Why a dry run or an import failed: the step and JSON path when the recipe was at fault.</summary>
public sealed record ImportFailure(string Message, int? StepNumber = null, string? StepName = null, string? JsonPath = null)
{
    public static ImportFailure From(Exception ex) => ex is RecipeException r
        ? new ImportFailure(r.Reason, r.StepNumber, r.StepName, r.JsonPath)
        : new ImportFailure(ex.Message);
}

/// <summary>One uploaded recipe: its file under the data folder, the dry run's report, and the real run's.</summary>
public sealed class RecipeImport
{
    public required string Id { get; init; }
    public required string FileName { get; init; }
    public required string RecipeName { get; init; }
    public required string RecipePath { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTime UploadedUtc { get; init; }
    public int StepCount { get; init; }

    public ImportReport? DryRun { get; set; }
    public ImportFailure? DryRunFailure { get; set; }

    public ImportStage Stage { get; set; }

    /// <summary>The real run's report: filled in as it runs (progress), complete once <see cref="Stage"/> is Done.</summary>
    public ImportReport? Result { get; set; }
    public ImportFailure? Failure { get; set; }
    public string? RunBy { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public TimeSpan? WriteLockHeld { get; set; }

    public bool IsRunning => Stage is ImportStage.Waiting or ImportStage.Running;
}
