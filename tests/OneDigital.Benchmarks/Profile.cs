using System.Diagnostics;
using System.Globalization;
using System.Text;
using OneDigital.Benchmarks.Seeding;

namespace OneDigital.Benchmarks;

/// <summary>Where seeding time went (<c>--profile</c>): the seeder's sections, then the store's commands by kind.</summary>
public static class Profile
{
    public static string Format(SeedStats stats, CommandTimer commands, HandlerTimer handlers, TimeSpan total)
    {
        var text = new StringBuilder("where the time went:\n");
        Row(text, "ContentManager.NewAsync", stats.New, total);
        Row(text, "filling fields (benchmark)", stats.Fill, total);
        Row(text, "ContentManager.CreateAsync", stats.Create, total);
        Row(text, "transaction commit", stats.Commit, total);
        Row(text, "scope dispose", stats.Scope, total);
        text.Append("content part handlers (inside CreateAsync, store queries included):\n");
        foreach (var (name, ticks) in handlers.Ticks.OrderByDescending(t => t.Value))
        {
            Row(text, name, Stopwatch.GetElapsedTime(0, ticks), total);
        }
        var items = stats.ByType.Values.Sum();
        text.Append("store commands (inside the sections above):\n");
        foreach (var (kind, tally) in commands.Tallies.OrderByDescending(t => t.Value.Ticks))
        {
            var time = Stopwatch.GetElapsedTime(0, tally.Ticks);
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-44} {tally.Count,9:N0} commands ({(double)tally.Count / Math.Max(1, items):F2}/item) {time.TotalSeconds,7:F1} s {time / total,6:P0}\n"));
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, TimeSpan time, TimeSpan total) =>
        text.Append(string.Create(CultureInfo.InvariantCulture, $"  {name,-44} {time.TotalSeconds,7:F1} s {time / total,6:P0}\n"));
}
