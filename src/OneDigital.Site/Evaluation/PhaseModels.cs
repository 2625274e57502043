// Why: the evaluation's numbers are shown three ways (figures, a chart, a table) and must agree, so they are worked
// out once from the ProgrammePhase item and handed to the template as plain values.
using OneDigital.Site.Models;

namespace OneDigital.Site.Evaluation;

/// <summary>The model of <c>Content-ProgrammePhase.liquid</c>.</summary>
public sealed class PhaseView
{
    public required ItemView Item { get; init; }

    /// <summary>"Phase 1 in numbers" (or the item's title in numbers, without a phase number).</summary>
    public required string FiguresTitle { get; init; }

    /// <summary>The phase's figures that editors filled in, in the order of the type's fields.</summary>
    public IReadOnlyList<PhaseFigure> Figures { get; init; } = [];

    /// <summary>The figures as an SVG bar chart (role="img" with a title and description); null without figures.</summary>
    public SafeHtml? Chart { get; init; }

    /// <summary>The chart in a sentence, for readers who cannot see it.</summary>
    public string? Summary { get; init; }
}

/// <summary>One figure: "1,179" "Digital Champions recruited".</summary>
public sealed class PhaseFigure
{
    public required string Label { get; init; }

    public required long Value { get; init; }

    /// <summary>The value as readers read it: 11,000.</summary>
    public required string Display { get; init; }
}
