// Why: the chart is drawn on the server as SVG, so it shows without JavaScript, weighs a few hundred bytes and scales
// at any zoom; each bar carries its label and value as text, so nothing depends on telling colours apart.
using System.Globalization;
using System.Net;
using System.Text;

namespace OneDigital.Site.Evaluation;

/// <summary>A horizontal bar chart of figures as an accessible SVG element.</summary>
public static class PhaseChart
{
    private const int Width = 640;
    private const int RowHeight = 76;
    private const int BarHeight = 32;
    private const int LabelGap = 8;

    // Room on the right of the longest bar for its value.
    private const int BarSpace = Width - 120;

    public static string Svg(string title, string description, IReadOnlyList<PhaseFigure> figures, string idPrefix = "phase-chart")
    {
        var height = RowHeight * figures.Count;
        var max = Math.Max(1, figures.Max(f => f.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"site-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-labelledby=\"{idPrefix}-title {idPrefix}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{idPrefix}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{idPrefix}-desc\">{Encode(description)}</desc>");
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            var top = i * RowHeight;
            // A figure above zero keeps a visible bar, however small beside the largest.
            var bar = figure.Value <= 0 ? 0 : Math.Max(4, (int)Math.Round(BarSpace * (double)figure.Value / max));
            var barTop = top + 22 + LabelGap;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 20}\" font-size=\"18\" fill=\"#0b0c0c\">{Encode(figure.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{barTop}\" width=\"{bar}\" height=\"{BarHeight}\" fill=\"#1d70b8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{bar + 10}\" y=\"{barTop + 23}\" font-size=\"20\" font-weight=\"bold\" fill=\"#0b0c0c\">{Encode(figure.Display)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
