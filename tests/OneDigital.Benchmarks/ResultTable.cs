using System.Text;

namespace OneDigital.Benchmarks;

/// <summary>One line of the results table: the scenario and its measurements, in the order they are shown.</summary>
public sealed record ResultRow(string Scenario, IReadOnlyList<(string Column, string Value)> Cells);

/// <summary>Prints rows as one Markdown table; columns are the union of the rows' columns, in order of first use.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<ResultRow> rows)
    {
        var columns = new List<string> { "scenario" };
        foreach (var (column, _) in rows.SelectMany(r => r.Cells))
        {
            if (!columns.Contains(column)) columns.Add(column);
        }
        var table = rows
            .Select(r => columns.Select(c => c == "scenario" ? r.Scenario : r.Cells.FirstOrDefault(x => x.Column == c).Value ?? "").ToArray())
            .ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, table.Count == 0 ? 0 : table.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, columns.ToArray(), widths);
        text.Append('|').AppendJoin('|', widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")).Append("|\n");
        foreach (var row in table)
        {
            Line(text, row, widths);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i])).Append(" |");
        }
        text.Append('\n');
    }
}
