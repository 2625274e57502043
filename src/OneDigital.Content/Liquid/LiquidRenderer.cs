using System.Collections.Concurrent;
using System.Text.Encodings.Web;
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
        // Items reach templates as their JSON, read lazily: converting a whole item (bodies and all) for every
        // route pattern was most of the cost of saving one.
        _options.ValueConverters.Add(value => value switch
        {
            JsonObject obj => new ObjectValue(obj),
            JsonValue v => Plain(v),
            _ => null,
        });
        _options.MemberAccessStrategy.Register<JsonObject, object?>((obj, name) =>
            // Orchard templates reach parts through ContentItem.Content as well as directly.
            name == "Content" && !obj.ContainsKey("Content") ? obj : obj[name]);
    }

    /// <summary>Parses a template, or throws with Fluid's message naming what is wrong.</summary>
    public IFluidTemplate Parse(string source) =>
        _templates.GetOrAdd(source, s => Parser.TryParse(s, out var template, out var error)
            ? template
            : throw new LiquidException($"The Liquid template is invalid: {error}"));

    /// <summary>Renders with the model's values; <paramref name="encoder"/> escapes output (HTML unless given).</summary>
    public async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, ContentManager? manager = null, TextEncoder? encoder = null)
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
        return encoder is null ? await Parse(source).RenderAsync(context) : await Parse(source).RenderAsync(context, encoder);
    }

    /// <summary>Renders a pattern with <c>Model.ContentItem</c> set to the item, as Orchard's part patterns expect.</summary>
    public Task<string> RenderForItemAsync(string source, ContentItem item, ContentManager manager) =>
        RenderAsync(source, new Dictionary<string, object?> { ["Model"] = new Dictionary<string, object?> { ["ContentItem"] = item.Data } }, manager);

    private static object? Plain(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Number => Fields.ContentFieldKinds.Number(value),
        System.Text.Json.JsonValueKind.Null => null,
        _ => value.ToString(),
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
        return container is null ? NilValue.Instance : FluidValue.Create(container.Data, context.Options);
    }
}

public sealed class LiquidException(string message) : Exception(message);
