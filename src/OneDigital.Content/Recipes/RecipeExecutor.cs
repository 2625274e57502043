using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Confinement;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>
/// Runs a recipe's steps in order, all in one store transaction: if any step fails the transaction is rolled back,
/// so the store is exactly as it was, and the error names the step and the JSON path. Files (media) are written
/// only after the commit. A caller that has a transaction open (setup, which also creates the administrator) has
/// the recipe join it; the files are then written when the steps have run.
/// </summary>
public sealed class RecipeExecutor(
    IServiceProvider services,
    IEnumerable<IRecipeStep> steps,
    StoreTransaction transaction,
    IConfiguration configuration,
    IOptionsMonitor<RecipeLimits> limits,
    AuditTrail audit,
    StoredRecipeSteps storedSteps)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps
        .SelectMany(s => s.Names.Select(n => (Name: n, Step: s)))
        .ToDictionary(x => x.Name, x => x.Step, StringComparer.OrdinalIgnoreCase);

    public bool Handles(string stepName) => _steps.ContainsKey(stepName);

    /// <summary>
    /// The report the next import fills in, when the caller wants to read its progress (<see cref="ImportReport.CurrentStep"/>,
    /// <see cref="ImportReport.ItemsWritten"/>) from another thread while it runs; a new one otherwise.
    /// </summary>
    public ImportReport? ReportTo { get; set; }

    public async Task<ImportReport> ExecuteAsync(RecipeDescriptor recipe, RecipeParameters parameters, CancellationToken ct = default)
    {
        var (report, files) = await ExecuteDeferringFilesAsync(recipe, parameters, ct);
        foreach (var write in files)
        {
            await write();
        }
        return report;
    }

    /// <summary>
    /// Runs the recipe and commits, but leaves its file writes to the caller: a staged import writes them only once
    /// its changes have reached the live store.
    /// </summary>
    public async Task<(ImportReport Report, IReadOnlyList<Func<Task>> Files)> ExecuteDeferringFilesAsync(RecipeDescriptor recipe, RecipeParameters parameters, CancellationToken ct = default)
    {
        var report = ReportTo ?? new ImportReport();
        ReportTo = null;
        var execution = new RecipeExecution(services, recipe, parameters, report)
        {
            // The current value, so that a limit changed in a reloaded appsettings.json applies to the next recipe.
            Limits = limits.CurrentValue,
            Variables = recipe.Header["variables"]?.DeepClone() as JsonObject ?? [],
        };
        await transaction.RunAsync(async () =>
        {
            // One audit row for the import, not one per item it wrote.
            using (audit.Quiet())
            {
                await RunStepsAsync(execution, ct);
            }
            await audit.RecordAsync(new AuditEntry(AuditKind.Imported)
            {
                Detail = $"recipe '{execution.RecipeName}': {report.StepsRun.Count} steps run; items {report.ItemsCreated} created, {report.ItemsUpdated} updated, {report.ItemsUnchanged} unchanged",
            }, ct);
        }, ct);
        return (report, execution.AfterCommit);
    }

    /// <summary>Runs the steps of a recipe inside the caller's transaction (also used by the nested <c>recipes</c> step).</summary>
    public async Task RunStepsAsync(RecipeExecution execution, CancellationToken ct)
    {
        var scripts = new RecipeScripts(execution, configuration);
        var number = 0;
        var count = execution.Recipe.Steps.Count;
        foreach (var source in execution.Recipe.Steps)
        {
            number++;
            ct.ThrowIfCancellationRequested();
            var stepPath = $"{execution.PathPrefix}steps[{number - 1}]";
            execution.Report.CurrentStep = $"{execution.PathPrefix}{number} of {count}: {source.Name}";
            if (!source.IsObject || string.IsNullOrWhiteSpace(source.Name))
            {
                throw new RecipeException(execution.RecipeName, number, "(unnamed)", $"{stepPath}.name", "Each step must be an object with a 'name'.");
            }
            var name = source.Name;
            _steps.TryGetValue(name, out var handler);
            using var bytes = execution.Recipe.Bytes.Open();
            // A step that reads its items one at a time gets the step without them, and reads each from the recipe's
            // bytes as it comes to it: the items of a large import held in memory were most of an import's memory.
            var itemsKey = handler is IRecipeItemStep itemStep ? source.PropertyName(itemStep.ItemsProperty) : null;
            var step = source.Read(bytes, itemsKey);
            try
            {
                scripts.EvaluateTree(step, stepPath);
            }
            catch (ScriptException ex)
            {
                throw new RecipeException(execution.RecipeName, number, name, ex.JsonPath, ex.Message, ex);
            }
            ApplyIdMap(step, execution.IdMap);
            if (handler is null)
            {
                // Kept as its JSON, so an export gives it back to Orchard and a later feature can honour it.
                await storedSteps.StoreAsync(name, step, ct);
                execution.Report.StepsNotImplemented.Add($"{number}:{name}");
                continue;
            }
            var context = new RecipeStepContext(execution, step, number, name)
            {
                Items = itemsKey is null ? null : new RecipeItems(source, itemsKey, bytes),
                Scripts = scripts,
            };
            try
            {
                await handler.ExecuteAsync(context);
            }
            catch (RecipeException)
            {
                throw;
            }
            catch (ContentValidationException ex)
            {
                throw context.Fail("", ex.Message, ex);
            }
            catch (ContentDefinitionException ex)
            {
                throw context.Fail("", ex.Message, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw context.Fail("", ex.Message, ex);
            }
            execution.Report.StepsRun.Add($"{number}:{name}");
        }
    }

    /// <summary>Rewrites ids that a re-import matched to existing items, wherever the step mentions them.</summary>
    public static void ApplyIdMap(JsonNode? node, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue(out string? s) && map.TryGetValue(s, out var mapped)) obj[key] = mapped;
                    else ApplyIdMap(value, map);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue(out string? s) && map.TryGetValue(s, out var mapped)) array[i] = mapped;
                    else ApplyIdMap(array[i], map);
                }
                break;
        }
    }
}
