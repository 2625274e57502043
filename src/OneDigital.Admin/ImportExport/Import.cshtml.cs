// Why: one uploaded recipe's page: the dry run's report and the button that runs it, then the import's progress
// (the page reloads itself through import-progress.mjs, or the administrator refreshes it), then its report.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Recipes;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ImportExport;

public sealed class ImportModel(RecipeImports imports) : AdminPage
{
    public RecipeImport Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.Import) is { } refused) return refused;
        if (imports.Find(id) is not { } import) return NotFound();
        Import = import;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(string id)
    {
        if (await DemandAsync(Permissions.Import) is { } refused) return refused;
        if (imports.Find(id) is null) return NotFound();
        // Started, or already running or done (a second press): either way the page shows where it stands.
        imports.Start(id, User, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Redirect(ImportLinks.Import(id));
    }
}

/// <summary>The steps of a report in recipe order, each applied or stored without being applied.</summary>
public sealed record ReportStep(int Number, string Name, bool Applied)
{
    public static IReadOnlyList<ReportStep> Of(ImportReport report) =>
    [
        .. report.StepsRun.Select(s => Parse(s, applied: true))
            .Concat(report.StepsNotImplemented.Select(s => Parse(s, applied: false)))
            .OrderBy(s => s.Number),
    ];

    private static ReportStep Parse(string entry, bool applied)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(entry[..colon], out var number)
            ? new ReportStep(number, entry[(colon + 1)..], applied)
            : new ReportStep(0, entry, applied);
    }
}

/// <summary>What the report partial shows: a dry run's report speaks of what would happen.</summary>
public sealed record ReportView(ImportReport Report, bool DryRun);
