namespace OneDigital.Content.Recipes.Confinement;

/// <summary>
/// Decides which configuration keys a recipe's <c>configuration()</c> may read: only those on the allow-list, and
/// never the host's own settings, connection strings or passwords, whatever the list says, because an imported
/// value may end up on a public page.
/// </summary>
public sealed class ConfigurationGuard(IReadOnlyList<string> allowed)
{
    // Prefixes and name fragments that hold the host's secrets (the administrator's password, the database's
    // connection string) or its internals; no allow-list entry opens them.
    private static readonly string[] NeverPrefixes = ["ConnectionStrings:", "OneDigital:"];
    private static readonly string[] NeverFragments = ["password", "connectionstring", "pwd"];

    /// <summary>Null when <paramref name="key"/> may be read; otherwise why not.</summary>
    public string? Refusal(string key)
    {
        var normalized = key.Replace("__", ":", StringComparison.Ordinal).Trim();
        if (NeverPrefixes.Any(p => normalized.StartsWith(p, StringComparison.OrdinalIgnoreCase) || normalized.Equals(p.TrimEnd(':'), StringComparison.OrdinalIgnoreCase))
            || NeverFragments.Any(f => normalized.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            return $"configuration('{key}') is never readable by a recipe: the host's settings, connection strings and passwords stay out of imported content.";
        }
        return allowed.Any(entry => Matches(entry, normalized))
            ? null
            : $"configuration('{key}') is not on the allow-list {RecipeLimits.Section}:ConfigurationKeys ({string.Join(", ", allowed)}).";
    }

    private static bool Matches(string entry, string key) =>
        entry.EndsWith(":*", StringComparison.Ordinal)
            ? key.StartsWith(entry[..^1], StringComparison.OrdinalIgnoreCase)
            : key.Equals(entry, StringComparison.OrdinalIgnoreCase);
}
