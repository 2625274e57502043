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

    public void Warn(string message) => Warnings.Add(message);

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"steps run: {StepsRun.Count} ({string.Join(", ", StepsRun)})",
            $"content items: {ItemsCreated} created, {ItemsUpdated} updated, {ItemsUnchanged} unchanged",
        };
        if (StepsNotImplemented.Count > 0) lines.Add($"steps stored, not applied (exported back unchanged): {string.Join(", ", StepsNotImplemented)}");
        if (FeaturesNotImplemented.Count > 0) lines.Add($"features not implemented (recorded, not active): {string.Join(", ", FeaturesNotImplemented)}");
        lines.AddRange(Warnings.Select(w => $"warning: {w}"));
        return string.Join(Environment.NewLine, lines);
    }
}
