using System.Globalization;
using OneDigital.Content.Store;

namespace OneDigital.Benchmarks;

/// <summary>The command line: which scenarios to run, on how many items, against which store.</summary>
public sealed class BenchmarkOptions
{
    public int Items { get; private set; } = 100_000;
    public int BatchSize { get; private set; } = 1_000;
    public double Minutes { get; private set; } = 10;
    public DatabaseProvider Provider { get; private set; } = DatabaseProvider.Sqlite;
    public string? Connection { get; private set; }
    public List<string> Scenarios { get; } = [];
    public bool Keep { get; private set; }
    public string? Reuse { get; private set; }
    public bool Profile { get; private set; }
    public bool ListOnly { get; private set; }
    public bool Help { get; private set; }

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OneDigital.Benchmarks -- [options]

          --items N             items to seed (default 100000)
          --batch N             items per transaction and DI scope while seeding (default 1000)
          --minutes M           how long the mixed soak runs (default 10)
          --scenario NAME       run only this scenario (repeat, or separate names with commas); default: all
          --provider P          sqlite (default: a new store in a temporary folder) or postgres
          --connection "..."    PostgreSQL server to use; the benchmark creates its own database there and drops it
          --profile             also time store commands and seeding sections, and print where the time goes
          --keep                keep the temporary store (its folder or database is printed)
          --reuse WHERE         run on a store kept by an earlier --keep run instead of a new one (the SQLite data
                                folder, or the PostgreSQL database name on --connection's server); it is migrated,
                                its items count as seeded, and it is kept afterwards
          --list                list the scenarios
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--items": options.Items = PositiveInt(arg, Value()); break;
                case "--batch": options.BatchSize = PositiveInt(arg, Value()); break;
                case "--minutes":
                    var minutes = Value();
                    options.Minutes = double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0
                        ? m
                        : throw new ArgumentException($"--minutes must be a positive number, not '{minutes}'.");
                    break;
                case "--scenario":
                    options.Scenarios.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--provider":
                    var provider = Value();
                    options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)
                        ? p
                        : throw new ArgumentException($"--provider '{provider}' is not known; use sqlite or postgres.");
                    break;
                case "--connection": options.Connection = Value(); break;
                case "--profile": options.Profile = true; break;
                case "--keep": options.Keep = true; break;
                case "--reuse": options.Reuse = Value(); break;
                case "--list": options.ListOnly = true; break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Connection))
        {
            throw new ArgumentException("--provider postgres needs --connection \"Host=...;Username=...;Password=...\".");
        }
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
