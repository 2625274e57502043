using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using OneDigital.Content.Items;

namespace OneDigital.Content.Liquid;

/// <summary>
/// Renders Liquid (Fluid) templates over content items, with Orchard's filters: display_text, slugify, container,
/// resize_url (and srcset, see <see cref="MediaFilters"/>).
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
        MediaFilters.Register(_options);
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
        // Under limits, no filter may make a value larger than the render may write (append doubling in a loop).
        foreach (var (name, filter) in _options.Filters.ToList())
        {
            _options.Filters.AddFilter(name, async (input, arguments, context) =>
            {
                var result = await filter(input, arguments, context);
                if (LiquidBudget.Of(context) is { } budget && result is StringValue text && text.ToStringValue().Length > budget.Limits.MaxOutputLength)
                {
                    throw budget.Limits.OutputExceeded();
                }
                return result;
            });
        }
    }

    /// <summary>Parses a template, or throws with Fluid's message naming what is wrong.</summary>
    public IFluidTemplate Parse(string source) => _templates.GetOrAdd(source, ParseUncached);

    private static IFluidTemplate ParseUncached(string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new LiquidException($"The Liquid template is invalid: {error}");

    /// <summary>
    /// Renders with the model's values; <paramref name="encoder"/> escapes output (HTML unless given). With
    /// <paramref name="limits"/> a render that runs too long, writes too much or makes too large a range throws
    /// <see cref="LiquidException"/> naming the limit.
    /// </summary>
    public async Task<string> RenderAsync(
        string source, IReadOnlyDictionary<string, object?> model, ContentManager? manager = null, TextEncoder? encoder = null, LiquidLimits? limits = null)
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
        if (limits is not null)
        {
            return await RenderLimitedAsync(source, context, encoder ?? HtmlEncoder.Default, limits);
        }
        return encoder is null ? await Parse(source).RenderAsync(context) : await Parse(source).RenderAsync(context, encoder);
    }

    private async Task<string> RenderLimitedAsync(string source, TemplateContext context, TextEncoder encoder, LiquidLimits limits)
    {
        // Not cached: limited renders take templates from callers, and a cache keyed by their text would grow with them.
        var template = new LimitingRewriter().VisitTemplate(ParseUncached(source));
        var budget = new LiquidBudget(limits);
        context.AmbientValues[LiquidLimits.AmbientKey] = budget;
        context.MaxSteps = limits.MaxSteps;
        using var writer = new BoundedWriter(budget);
        try
        {
            await template.RenderAsync(writer, encoder, context);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The maximum", StringComparison.Ordinal))
        {
            // Fluid's step limit (its message speaks of recursion or statements depending on where it trips).
            throw limits.StepsExceeded();
        }
        return writer.ToString();
    }

    /// <summary>Renders a pattern with <c>Model.ContentItem</c> set to the item, as Orchard's part patterns expect.</summary>
    public Task<string> RenderForItemAsync(string source, ContentItem item, ContentManager manager) =>
        RenderAsync(source, new Dictionary<string, object?> { ["Model"] = new Dictionary<string, object?> { ["ContentItem"] = item.Data } }, manager);

    private static object? Plain(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        // Fluid holds numbers as decimals: one beyond their range (1e300) is kept as its text rather than overflowing.
        System.Text.Json.JsonValueKind.Number => JsonValues.Number(value) is { } n && Math.Abs(n) < 7.9e28 ? n : value.ToJsonString(),
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
