namespace OneDigital.Web.Cli;

/// <summary>
/// A verb's command line: the verb, its own arguments, and everything else, which is configuration
/// (<c>--OneDigital:DataDir=...</c>) exactly as for the site.
/// </summary>
internal sealed record CliArguments(string Verb, string? RecipePath, string? OutPath, string[] Configuration)
{
    public AppsCommand? Apps { get; init; }
    /// <summary>For <c>index</c>: <c>rebuild</c> or <c>reset</c>, and the index (null for <c>--all</c>).</summary>
    public IndexCommand? Index { get; init; }

    public const string Usage = """
        Usage: OneDigital.Web [VERB] [arguments] [--Key=Value ...]
          (no verb)               run the web site (--urls http://127.0.0.1:5000 to choose where it listens)
          import <recipe.json>    import an Orchard Core recipe into the configured store
          export [--out <file>]   write an Orchard Core recipe of the content definitions and content
                                  (to standard output unless --out is given)
          index rebuild <name|--all>  empty a search index and build it again from the store, on every node
          index reset <name|--all>    apply the whole indexing-task log to a search index again, on every node
        """ + "\n" + AppsCommand.Usage + "\n" + WebhooksCommand.Usage + "\n" + """
          help                    show this text
        A verb on a store that was never set up runs the setup recipe first.
        Configuration: appsettings.json, environment variables (OneDigital__DataDir) or switches
        (--OneDigital:DataDir=path, --OneDigital:Database:Provider=Postgres, --ConnectionStrings:Default=...).
        """;

    /// <summary>The <c>webhooks</c> verb's action and options.</summary>
    public WebhooksCommand? Webhooks { get; init; }

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "help", "--help", "-h", "-?", "/?" };

    /// <summary>A verb is a first argument that is not a switch; without one the program runs the site.</summary>
    public static bool IsCommandLineVerb(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || !args[0].StartsWith('-'));

    /// <exception cref="CliUsageException">The verb is unknown or its arguments are wrong.</exception>
    public static CliArguments Parse(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        var rest = args.Skip(1).ToList();
        switch (verb)
        {
            case var _ when HelpWords.Contains(verb):
                return new CliArguments("help", null, null, []);
            case "import":
                if (rest.Count == 0 || rest[0].StartsWith('-'))
                {
                    throw new CliUsageException("import needs the path of a recipe file: import <recipe.json>");
                }
                return new CliArguments(verb, rest[0], null, [.. rest.Skip(1)]);
            case "export":
                string? outPath = null;
                var configuration = new List<string>();
                for (var i = 0; i < rest.Count; i++)
                {
                    if (rest[i] is "--out" or "-o")
                    {
                        outPath = i + 1 < rest.Count && !rest[i + 1].StartsWith('-')
                            ? rest[++i]
                            : throw new CliUsageException("--out needs a file name: export --out <file>");
                    }
                    else if (rest[i].StartsWith("--out=", StringComparison.Ordinal))
                    {
                        outPath = rest[i]["--out=".Length..] is { Length: > 0 } value
                            ? value
                            : throw new CliUsageException("--out needs a file name: export --out <file>");
                    }
                    else
                    {
                        configuration.Add(rest[i]);
                    }
                }
                return new CliArguments(verb, null, outPath, [.. configuration]);
            case "apps":
                var (apps, appsConfiguration) = AppsCommand.Parse(rest);
                return new CliArguments(verb, null, null, appsConfiguration) { Apps = apps };
            case "webhooks":
                return WebhooksCommand.Parse(rest);
            case "index":
                return new CliArguments(verb, null, null, [.. rest.Skip(2)]) { Index = IndexCommand.Parse(rest) };
            default:
                throw new CliUsageException($"'{args[0]}' is not a verb.");
        }
    }
}

internal sealed class CliUsageException(string message) : Exception(message);
