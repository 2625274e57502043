// Why: "title contains" over 100,000 items must not read every title. Each provider narrows the search through an
// index of the titles' trigrams (SQLite FTS5, PostgreSQL pg_trgm); the exact contains condition still decides, so the
// results are those of a plain case-insensitive contains and the index only saves the reading.
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Querying.TitleSearch;

/// <summary>
/// The candidate condition for a title that contains a term: every title that contains it passes, a few that do not
/// may. Terms of fewer than <see cref="ShortestIndexed"/> characters have no trigram to look up, so they get no
/// candidate condition and the exact condition reads every title (on SQLite a walk of the list's covering index).
/// </summary>
internal sealed class TitleCandidates(ContentDbContext db)
{
    public const int ShortestIndexed = 3;

    /// <summary>The FTS5 table (SQLite) beside ContentItems, kept in step by triggers in the writes' own transactions.</summary>
    public const string SqliteTable = "ContentTitleSearch";

    private static readonly System.Reflection.MethodInfo QueryableContains = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(long));

    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>
    /// Whether the list should start from SQLite's title candidates: the filter (or one of the conditions of its
    /// top-level and) is a title contains with an indexed term. PostgreSQL's planner weighs that from its statistics.
    /// </summary>
    public bool LeadsOn(ContentFilter? filter) => db.Database.IsSqlite() && filter switch
    {
        ContentFilter.Column { Name: ContentColumn.DisplayText, Operator: FilterOperator.Contains } column => Indexed(Lowered(column)),
        ContentFilter.And and => and.Filters.Any(LeadsOn),
        _ => false,
    };

    /// <summary>The term of a title contains as the exact condition compares it.</summary>
    public static string Lowered(ContentFilter.Column column) =>
        (Convert.ToString(column.Value, CultureInfo.InvariantCulture) ?? "").ToLowerInvariant();

    private static bool Indexed(string lowered) => lowered.EnumerateRunes().Count() >= ShortestIndexed;

    /// <summary>The condition on <paramref name="record"/> for a lower-cased term, or null when no index can narrow it.</summary>
    public Expression? For(string lowered, ParameterExpression record)
    {
        if (!Indexed(lowered)) return null;
        if (db.Database.IsSqlite())
        {
            // A quoted FTS5 phrase: with the trigram tokenizer it matches the titles holding the term as a substring,
            // ignoring case; every character but the quote is literal inside it, so %, _ and quotes need no escaping.
            var phrase = "\"" + lowered.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = db.Set<TitleMatch>()
                .FromSql($"SELECT rowid AS \"Id\" FROM \"ContentTitleSearch\" WHERE \"ContentTitleSearch\" MATCH {phrase}")
                .Select(m => m.Id);
            return Expression.Call(QueryableContains, ids.Expression, Expression.Property(record, nameof(ContentItemRecord.Id)));
        }
        if (db.Database.IsNpgsql())
        {
            // LIKE on lower(title) is what the GIN trigram index on lower("DisplayText") serves.
            var pattern = "%" + EscapeLike(lowered) + "%";
            var title = Expression.Property(record, nameof(ContentItemRecord.DisplayText));
            var lower = Expression.Call(title, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
            return Expression.Call(Like, Expression.Constant(EF.Functions), lower, Captured(pattern), Expression.Constant("\\"));
        }
        return null;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // A captured value, so the database sees a parameter and reuses its plan.
    private static Expression Captured(string value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed class Box(string value)
    {
        public string Value { get; } = value;
    }
}
