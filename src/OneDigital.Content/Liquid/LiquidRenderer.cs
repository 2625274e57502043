using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using OneDigital.Content.Items;

namespace OneDigital.Content.Liquid;

/// <summary>
/// Renders Liquid (Fluid) templates over content items, with Orchard's filters: display_text, slugify, container.
/// Parsed templates are cached by source text.
/// </summary>
public sealed class LiquidRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _options = new();

    public LiquidRenderer()
    {
        _options.Filters.AddFilter("slugify", (input, _, _) => new StringValue(Slug.From(input.ToStringValue())));
        _options.Filters.AddFilter("display_text", async (input, _, context) =>
            input.Type == FluidValues.Dictionary || input.Type == FluidValues.Object
                ? new StringValue((await input.GetValueAsync("DisplayText", context)).ToStringValue())
                : new StringValue(input.ToStringValue()));
        _options.Filters.AddFilter("container", ContainerAsync);
    }

    /// <summary>Parses a template, or throws with Fluid's message naming what is wrong.</summary>
    public IFluidTemplate Parse(string source) =>
        _templates.GetOrAdd(source, s => Parser.TryParse(s, out var template, out var error)
            ? template
            : throw new LiquidException($"The Liquid template is invalid: {error}"));

    public async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, ContentManager? manager = null)
    {
        var context = new TemplateContext(_options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }
        if (manager is not null)
        {
            context.AmbientValues["ContentManager"] = manager;
        }
        return await Parse(source).RenderAsync(context);
    }

    /// <summary>An item as Liquid sees it: its JSON as nested dictionaries, with Orchard's <c>Content</c> alias.</summary>
    public static Dictionary<string, object?> ItemModel(ContentItem item)
    {
        var model = (Dictionary<string, object?>)ToPlain(item.Data)!;
        model["Content"] = model.ToDictionary(p => p.Key, p => p.Value);
        return model;
    }

    public static object? ToPlain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.Number => Fields.ContentFieldKinds.Number(v),
            System.Text.Json.JsonValueKind.Null => null,
            _ => v.ToString(),
        },
        _ => null,
    };

    private static async ValueTask<FluidValue> ContainerAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var contained = await input.GetValueAsync("ContainedPart", context);
        var listId = (await contained.GetValueAsync("ListContentItemId", context)).ToStringValue();
        if (string.IsNullOrEmpty(listId)
            || !context.AmbientValues.TryGetValue("ContentManager", out var m) || m is not ContentManager manager)
        {
            return NilValue.Instance;
        }
        var container = await manager.GetAsync(listId, VersionOptions.Latest);
        return container is null ? NilValue.Instance : FluidValue.Create(ItemModel(container), context.Options);
    }
}

public sealed class LiquidException(string message) : Exception(message);
