// Why: query templates are rendered with values a partner sends; a loop over (1..100000000) or a value doubled in a
// loop must end with a clear error, not with the process out of memory. Content patterns written by editors render
// without these limits, as before.
using System.Text;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace OneDigital.Content.Liquid;

/// <summary>Bounds on one render: statements run, characters written (captures included), items of a range.</summary>
public sealed record LiquidLimits(int MaxSteps = 10_000, int MaxOutputLength = 1_000_000, int MaxRangeLength = 10_000)
{
    internal const string AmbientKey = "OneDigital.LiquidLimits";

    internal static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    internal LiquidException StepsExceeded() =>
        new($"the template ran more than {N(MaxSteps)} steps (liquid max_steps)");

    internal LiquidException OutputExceeded() =>
        new($"the template made more than {N(MaxOutputLength)} characters (liquid max_output_length)");
}

/// <summary>What one limited render has left to write; shared by the output and every capture.</summary>
internal sealed class LiquidBudget(LiquidLimits limits)
{
    public LiquidLimits Limits { get; } = limits;

    public long Written { get; private set; }

    public void Spend(long characters)
    {
        Written += characters;
        if (Written > Limits.MaxOutputLength) throw Limits.OutputExceeded();
    }

    public static LiquidBudget? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(LiquidLimits.AmbientKey, out var budget) ? budget as LiquidBudget : null;
}

/// <summary>A writer that stops when the render's budget is spent.</summary>
internal sealed class BoundedWriter(LiquidBudget budget) : StringWriter
{
    public override void Write(char value)
    {
        budget.Spend(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        budget.Spend(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        budget.Spend(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        budget.Spend(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(StringBuilder? value)
    {
        budget.Spend(value?.Length ?? 0);
        base.Write(value);
    }
}

/// <summary>
/// Rewrites a parsed template for limited renders: a range checks its length before Fluid makes its items (Fluid
/// builds the whole array first), and a capture writes into the render's budget.
/// </summary>
internal sealed class LimitingRewriter : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) => new CheckedRange(rangeExpression);

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) =>
        new BoundedCapture(captureStatement.Identifier, [.. captureStatement.Statements.Select(Visit)]);

    private sealed class CheckedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            if (LiquidBudget.Of(context) is { } budget)
            {
                var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
                var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
                var length = Math.Abs(to - from) + 1;
                if (length > budget.Limits.MaxRangeLength)
                {
                    throw new LiquidException(
                        $"the range ({from}..{to}) has {N(length)} items; the limit (liquid max_range_length) is {LiquidLimits.N(budget.Limits.MaxRangeLength)}");
                }
            }
            return await range.EvaluateAsync(context);
        }

        private static string N(decimal n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class BoundedCapture(string identifier, IReadOnlyList<Statement> statements) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, System.Text.Encodings.Web.TextEncoder encoder, TemplateContext context)
        {
            var budget = LiquidBudget.Of(context);
            using var captured = budget is null ? new StringWriter() : new BoundedWriter(budget);
            var completion = Completion.Normal;
            foreach (var statement in statements)
            {
                completion = await statement.WriteToAsync(captured, encoder, context);
                if (completion != Completion.Normal) break;
            }
            // As Fluid's capture: the text is kept as written, not encoded again when output.
            context.SetValue(identifier, new StringValue(captured.ToString(), false));
            return completion;
        }
    }
}
