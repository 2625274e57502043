using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes;

/// <summary>What an import did: steps run, items written, and everything it did not do (never dropped silently).</summary>
public sealed class ImportReport
{
    public List<string> StepsRun { get; } = [];
    /// <summary>Steps this CMS does not apply: each is stored as its JSON (<c>StoredRecipeSteps</c>) and exported back unchanged.</summary>
    public List<string> StepsNotImplemented { get; } = [];
    public List<string> FeaturesNotImplemented { get; } = [];
    public List<string> Warnings { get; } = [];
    public int ItemsCreated { get; set; }
    public int ItemsUpdated { get; set; }
    public int ItemsUnchanged { get; set; }

    /// <summary>Items written, by content type (the admin's dry run shows what an import would create and update).</summary>
    public SortedDictionary<string, ImportItemCounts> ItemsByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Content types and parts the import added, changed or removed, e.g. <c>content type 'BlogPost' added</c>.</summary>
    public List<string> DefinitionsChanged { get; } = [];

    /// <summary>
    /// The step running now (<c>3 of 12: content</c>), for a progress display read from another thread while the
    /// import runs; null before the first step and after the last.
    /// </summary>
    public string? CurrentStep
    {
        get => Volatile.Read(ref _currentStep);
        set => Volatile.Write(ref _currentStep, value);
    }

    private string? _currentStep;

    /// <summary>Items written so far, for the same progress display.</summary>
    public int ItemsWritten => ItemsCreated + ItemsUpdated + ItemsUnchanged;

    /// <summary>
    /// Called on the importing thread after every <see cref="ProgressEvery"/>th item (the CLI prints a line); counting
    /// items, not time, keeps a small import silent and the lines the same on every run.
    /// </summary>
    public Action<ImportReport>? Progress { get; init; }

    public int ProgressEvery { get; init; } = 1000;

    public void Warn(string message) => Warnings.Add(message);

    public void CountItem(string contentType, ImportOutcome outcome)
    {
        if (!ItemsByType.TryGetValue(contentType, out var counts))
        {
            ItemsByType[contentType] = counts = new ImportItemCounts();
        }
        switch (outcome)
        {
            case ImportOutcome.Created: ItemsCreated++; counts.Created++; break;
            case ImportOutcome.Updated: ItemsUpdated++; counts.Updated++; break;
            default: ItemsUnchanged++; counts.Unchanged++; break;
        }
        if (Progress is not null && ItemsWritten % ProgressEvery == 0)
        {
            Progress(this);
        }
    }

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"steps run: {StepsRun.Count} ({string.Join(", ", StepsRun)})",
            $"content items: {ItemsCreated} created, {ItemsUpdated} updated, {ItemsUnchanged} unchanged",
        };
        if (ItemsByType.Count > 1) lines.AddRange(ItemsByType.Select(t => $"  {t.Key}: {t.Value}"));
        if (DefinitionsChanged.Count > 0) lines.Add($"definitions: {string.Join("; ", DefinitionsChanged)}");
        if (StepsNotImplemented.Count > 0) lines.Add($"steps stored, not applied (exported back unchanged): {string.Join(", ", StepsNotImplemented)}");
        if (FeaturesNotImplemented.Count > 0) lines.Add($"features not implemented (recorded, not active): {string.Join(", ", FeaturesNotImplemented)}");
        lines.AddRange(Warnings.Select(w => $"warning: {w}"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>How many items of one content type an import created, updated and left as they were.</summary>
public sealed class ImportItemCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    public override string ToString() => $"{Created} created, {Updated} updated, {Unchanged} unchanged";
}
