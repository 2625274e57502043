// Why: charts are drawn on the server as SVG, so they show without JavaScript, weigh a few hundred bytes and scale
// at any zoom; each bar carries its label and value as text, so nothing depends on telling colours apart. The
// readers' site (evaluation figures) and the admin (the dashboard's months) draw theirs here.
using System.Globalization;
using System.Net;
using System.Text;

namespace OneDigital.Content.Html;

/// <summary>One bar: its label, its value and the value as people read it (11,000).</summary>
public sealed record BarChartRow(string Label, long Value, string Display);

/// <summary>A horizontal bar chart as an accessible SVG element (<c>role="img"</c>, a title and a description).</summary>
public static class BarChart
{
    private const int Width = 640;

    /// <summary>
    /// Each label above its bar (roomy, for a few figures), or with <paramref name="labelWidth"/> above zero, on the
    /// bar's left in one line (compact, for a dozen months).
    /// </summary>
    public static string Svg(string title, string description, IReadOnlyList<BarChartRow> rows, string idPrefix, string cssClass, int labelWidth = 0)
    {
        var compact = labelWidth > 0;
        var rowHeight = compact ? 36 : 76;
        var barHeight = compact ? 24 : 32;
        // Room on the right of the longest bar for its value.
        var barSpace = Width - labelWidth - 120;
        var height = rowHeight * rows.Count;
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(f => f.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"{Encode(cssClass)}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-labelledby=\"{idPrefix}-title {idPrefix}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{idPrefix}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{idPrefix}-desc\">{Encode(description)}</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = i * rowHeight;
            // A value above zero keeps a visible bar, however small beside the largest.
            var bar = row.Value <= 0 ? 0 : Math.Max(4, (int)Math.Round(barSpace * (double)row.Value / max));
            var barTop = compact ? top + 4 : top + 30;
            var labelY = compact ? barTop + 18 : top + 20;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{labelY}\" font-size=\"{(compact ? 16 : 18)}\" fill=\"#0b0c0c\">{Encode(row.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{barTop}\" width=\"{bar}\" height=\"{barHeight}\" fill=\"#1d70b8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + bar + 10}\" y=\"{barTop + (compact ? 18 : 23)}\" font-size=\"{(compact ? 16 : 20)}\" font-weight=\"bold\" fill=\"#0b0c0c\">{Encode(row.Display)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
