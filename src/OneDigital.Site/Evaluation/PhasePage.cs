// Why: the Phase 1 evaluation is told in numbers (Digital Champions recruited, people supported); readers see them as
// figures, as a chart and as a table, and in a sentence, whichever way they read.
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Evaluation;

/// <summary>The ProgrammePhase page's model: its figures, chart and summary.</summary>
internal sealed class PhasePage : IItemPageModel
{
    /// <summary>The type's number fields, with the words a reader sees beside each.</summary>
    private static readonly (string Field, string Label)[] FigureFields =
    [
        ("DigitalChampionsRecruited", "Digital Champions recruited"),
        ("PeopleSupported", "People supported"),
    ];

    public string ContentType => "ProgrammePhase";

    public Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view) => Task.FromResult<object>(Build(view));

    public static PhaseView Build(ItemView view)
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        var figures = new List<PhaseFigure>();
        foreach (var (field, label) in FigureFields)
        {
            if (view.Fields.TryGetValue(field, out var value) && value is decimal figure)
            {
                var whole = (long)Math.Round(figure);
                figures.Add(new PhaseFigure { Label = label, Value = whole, Display = whole.ToString("N0", english) });
            }
        }
        var title = view.Fields.TryGetValue("PhaseNumber", out var n) && n is decimal number
            ? $"Phase {number.ToString("0", english)} in numbers"
            : $"{view.DisplayText} in numbers";
        var summary = Summary(figures);
        return new PhaseView
        {
            Item = view,
            FiguresTitle = title,
            Figures = figures,
            Summary = summary,
            Chart = figures.Count == 0 ? null : new SafeHtml(BarChart.Svg($"{title}: a bar chart", summary!, [.. figures.Select(f => new BarChartRow(f.Label, f.Value, f.Display))], "phase-chart", "site-chart")),
        };
    }

    // "1,179 Digital Champions recruited and 11,000 people supported: about 9 people supported for each Digital Champion."
    private static string? Summary(IReadOnlyList<PhaseFigure> figures)
    {
        if (figures.Count == 0)
        {
            return null;
        }
        var parts = figures.Select(f => $"{f.Display} {Lower(f.Label)}").ToList();
        var sentence = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        var champions = figures.FirstOrDefault(f => f.Label.StartsWith("Digital Champions", StringComparison.Ordinal));
        var people = figures.FirstOrDefault(f => f.Label.StartsWith("People", StringComparison.Ordinal));
        if (champions is { Value: > 0 } && people is { Value: > 0 })
        {
            var ratio = Math.Round((double)people.Value / champions.Value);
            sentence += $": about {ratio.ToString("0", CultureInfo.InvariantCulture)} people supported for each Digital Champion";
        }
        return sentence + ".";
    }

    // "People supported" reads "people supported" inside a sentence; "Digital Champions" keeps its capitals.
    private static string Lower(string label) => label.StartsWith("People", StringComparison.Ordinal) ? "p" + label[1..] : label;
}

public static class EvaluationServices
{
    public static IServiceCollection AddEvaluationPages(this IServiceCollection services)
    {
        services.AddScoped<IItemPageModel, PhasePage>();
        services.AddSiteViewModel<PhaseView>();
        services.AddSiteViewModel<PhaseFigure>();
        return services;
    }
}
