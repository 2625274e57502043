using System.Diagnostics;
using System.Globalization;
using OneDigital.Content.Recipes;

namespace OneDigital.Web.Cli;

/// <summary>
/// The line the <c>import</c> verb prints every thousand items of a long import: items done of the recipe's total,
/// the rate so far, and the time left at that rate. An import of fewer items prints none.
/// </summary>
internal sealed class ImportProgressLine(TextWriter output, int totalItems)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Print(ImportReport report)
    {
        var done = report.ItemsWritten;
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var line = string.Create(CultureInfo.InvariantCulture, $"  {done:N0} of {totalItems:N0} items, {rate:N0} items/s");
        if (totalItems > done && rate > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", about {TimeSpan.FromSeconds(Math.Ceiling((totalItems - done) / rate)):c} left");
        }
        output.WriteLine(line);
        output.Flush();
    }
}
