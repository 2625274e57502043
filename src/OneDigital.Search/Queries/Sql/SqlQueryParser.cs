using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Querying;

namespace OneDigital.Search.Queries.Sql;

/// <summary>What a SQL query asks for: the list request it becomes and the columns each result row holds.</summary>
internal sealed record SqlQueryPlan(ContentListRequest Request, IReadOnlyList<(string Name, SqlColumn Column)> Columns);

/// <summary>
/// Reads the subset of SQL that Orchard's SQL queries are written in and turns it into a <see cref="ContentListRequest"/>
/// (so it runs through ContentQuery, with every value a bound parameter):
/// <c>SELECT [TOP n] * | columns FROM table [alias] [[INNER] JOIN table [alias] ON a.DocumentId = b.DocumentId]
/// [WHERE conditions] [ORDER BY columns [ASC|DESC]] [LIMIT n [OFFSET m]]</c>, over the tables of
/// <see cref="SqlIndexTables"/>; conditions are <c>=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, [NOT] LIKE, [NOT] IN (...)</c> joined by
/// AND, OR, NOT and parentheses. Anything else is refused naming what is not supported.
/// </summary>
internal sealed class SqlQueryParser
{
    /// <summary>The most rows one query returns (also when it gives no LIMIT).</summary>
    public const int MaxRows = 1000;

    public const int MaxTemplateLength = 10_000;

    public const int MaxConditions = 64;

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "not", "in", "like", "order", "by", "asc", "desc", "limit", "offset",
        "top", "as", "inner", "join", "on", "true", "false", "union", "group", "having", "left", "right", "outer",
        "cross", "full", "is", "null", "between", "exists", "distinct", "insert", "update", "delete", "drop", "into",
        "alter", "create", "exec", "execute", "with", "case", "when", "then", "else", "end", "values", "set", "fetch",
        "intersect", "except", "escape", "collate", "natural", "using", "pragma", "attach", "truncate", "grant", "merge",
    };

    private readonly List<SqlToken> _tokens;
    private readonly JsonObject _parameters;
    private readonly Dictionary<string, SqlIndexTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private int _at;
    private int _conditions;

    private SqlQueryParser(string sql, JsonObject? parameters)
    {
        _tokens = SqlTokens.Read(sql);
        _parameters = parameters ?? [];
    }

    /// <summary>Parses a query template with its parameters; <see cref="SearchQueryException"/> says what is refused.</summary>
    public static SqlQueryPlan Parse(string sql, JsonObject? parameters)
    {
        if (sql.Length > MaxTemplateLength)
        {
            throw new SearchQueryException("Template", $"the query is longer than {MaxTemplateLength} characters");
        }
        return new SqlQueryParser(sql, parameters).Query();
    }

    private SqlToken Next => _tokens[_at];

    private SqlQueryPlan Query()
    {
        Expect("select", "a query must start with SELECT (only SELECT is supported)");
        int? take = null;
        if (Accept("top")) take = Count("TOP");
        if (Next.IsWord("distinct")) throw Refuse("DISTINCT is not supported");
        var select = SelectList();
        Expect("from", "SELECT must be followed by its columns and FROM");
        var tables = new List<SqlIndexTable> { TableReference() };
        while (Next.IsWord("inner") || Next.IsWord("join"))
        {
            Accept("inner");
            Expect("join", "INNER must be followed by JOIN");
            tables.Add(TableReference());
            Expect("on", "a JOIN needs ON a.DocumentId = b.DocumentId");
            JoinCondition();
        }
        var filters = tables.Where(t => t.Existence is not null).Distinct()
            .Select(t => (ContentFilter)new ContentFilter.Field(t.Existence!.PartName, t.Existence.Property, FieldValueKind.Text, FilterOperator.StartsWith, ""))
            .ToList();
        if (Accept("where")) filters.Add(Or());
        var sort = new List<ContentSort>();
        if (Accept("order"))
        {
            Expect("by", "ORDER must be followed by BY");
            do sort.Add(SortKey()); while (AcceptSymbol(","));
        }
        var skip = 0;
        if (Accept("limit"))
        {
            take = Count("LIMIT");
            if (Accept("offset")) skip = Count("OFFSET", max: int.MaxValue);
        }
        else if (Accept("offset"))
        {
            skip = Count("OFFSET", max: int.MaxValue);
        }
        if (Next.Kind != SqlTokenKind.End)
        {
            throw Refuse(Next.Kind == SqlTokenKind.Word ? $"'{Next.Value.ToUpperInvariant()}' is not supported here" : $"{Next} is not supported here");
        }
        var columns = select?.Select(c => (c.Name, Resolve(c.Column))).ToList() ?? [.. tables.SelectMany(t => t.Columns).DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => (c.Name, c))];
        return new SqlQueryPlan(Request(filters, sort, skip, take), columns);
    }

    private static ContentListRequest Request(List<ContentFilter> filters, List<ContentSort> sort, int skip, int? take)
    {
        // A top-level ContentType = 'X' becomes the request's type, so the store walks that type's indexes.
        var type = filters.OfType<ContentFilter.Column>().FirstOrDefault(c => c is { Name: ContentColumn.ContentType, Operator: FilterOperator.Equal });
        if (type is not null) filters.Remove(type);
        return new ContentListRequest((string?)type?.Value)
        {
            Status = ContentStatus.Published,
            Filter = filters.Count == 0 ? null : new ContentFilter.And(filters),
            Sort = sort,
            Skip = skip,
            Take = Math.Min(take ?? MaxRows, MaxRows),
        };
    }

    private List<(string Name, PendingColumn Column)>? SelectList()
    {
        if (AcceptSymbol("*")) return null;
        var columns = new List<(string, PendingColumn)>();
        do
        {
            if (Next.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName && _tokens[_at + 1].IsSymbol(".") && _tokens[_at + 2].IsSymbol("*"))
            {
                throw Refuse("table.* is not supported; name the columns or use *");
            }
            var reference = ColumnReference();
            var name = Accept("as") ? Name("a column alias") : reference.Column;
            columns.Add((name, reference));
        }
        while (AcceptSymbol(","));
        return columns;
    }

    // The columns are resolved once FROM has named the tables.
    private sealed record PendingColumn(string? Table, string Column);

    private PendingColumn ColumnReference()
    {
        var first = Name("a column");
        var reference = AcceptSymbol(".") ? new PendingColumn(first, Name("a column")) : new PendingColumn(null, first);
        if (Next.IsSymbol("(")) throw Refuse($"functions are not supported ('{first}(...)')");
        return reference;
    }

    private SqlColumn Resolve(PendingColumn reference)
    {
        if (reference.Table is { } tableName)
        {
            var table = _tables.GetValueOrDefault(tableName) ?? throw Refuse($"'{tableName}' is not a table named in FROM");
            return table.Find(reference.Column) ?? throw Refuse($"the column '{reference.Column}' of {table.Name} is not supported (known: {string.Join(", ", table.Columns.Select(c => c.Name))})");
        }
        var matches = _tables.Values.Distinct().Select(t => t.Find(reference.Column)).OfType<SqlColumn>().Distinct().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Refuse($"the column '{reference.Column}' is not supported in the tables named"),
            _ => matches[0],
        };
    }

    private SqlIndexTable TableReference()
    {
        if (Next.IsSymbol("(")) throw Refuse("subqueries are not supported");
        var name = Name("a table");
        var table = SqlIndexTables.Find(name)
            ?? throw Refuse($"the table '{name}' is not supported (known: {string.Join(", ", SqlIndexTables.All.Select(t => t.Name))})");
        _tables[table.Name] = table;
        Accept("as");
        if (Next.Kind is SqlTokenKind.Word && !Keywords.Contains(Next.Value) || Next.Kind is SqlTokenKind.QuotedName)
        {
            _tables[Name("an alias")] = table;
        }
        return table;
    }

    private void JoinCondition()
    {
        var left = Resolve(ColumnReference());
        ExpectSymbol("=", "a JOIN's ON must compare two columns with =");
        var right = Resolve(ColumnReference());
        if (left != right || left is not (SqlColumn.Document or SqlColumn.Version { Column: ContentColumn.ContentItemId }))
        {
            throw Refuse("a JOIN must be ON a.DocumentId = b.DocumentId (or ContentItemId): other joins are not supported");
        }
        if (Accept("and") || Accept("or")) throw Refuse("a JOIN's ON must be a single DocumentId or ContentItemId comparison");
    }

    private ContentFilter Or()
    {
        var terms = new List<ContentFilter> { And() };
        while (Accept("or")) terms.Add(And());
        return terms.Count == 1 ? terms[0] : new ContentFilter.Or(terms);
    }

    private ContentFilter And()
    {
        var terms = new List<ContentFilter> { Not() };
        while (Accept("and")) terms.Add(Not());
        return terms.Count == 1 ? terms[0] : new ContentFilter.And(terms);
    }

    private ContentFilter Not()
    {
        if (Accept("not")) return new ContentFilter.Not(Not());
        if (AcceptSymbol("("))
        {
            if (Next.IsWord("select")) throw Refuse("subqueries are not supported");
            var inner = Or();
            ExpectSymbol(")", "a '(' is not closed");
            return inner;
        }
        return Condition();
    }

    private ContentFilter Condition()
    {
        if (++_conditions > MaxConditions) throw Refuse($"a query may have at most {MaxConditions} conditions");
        if (Next.Kind is SqlTokenKind.Text or SqlTokenKind.Number or SqlTokenKind.Parameter)
        {
            throw Refuse("a condition must start with a column (column = value)");
        }
        var column = Resolve(ColumnReference());
        if (column is SqlColumn.Document) throw Refuse("DocumentId cannot be compared: this store has no document numbers");
        var negated = Accept("not");
        ContentFilter condition;
        if (Accept("in"))
        {
            ExpectSymbol("(", "IN must be followed by a list in parentheses");
            if (Next.IsWord("select")) throw Refuse("subqueries are not supported");
            var values = new List<object>();
            do values.AddRange(Values(column)); while (AcceptSymbol(","));
            ExpectSymbol(")", "the IN list is not closed");
            condition = Compare(column, FilterOperator.In, values);
        }
        else if (Accept("like"))
        {
            condition = Like(column, Value(column, text: true));
        }
        else if (negated)
        {
            throw Refuse("NOT here must be followed by IN or LIKE");
        }
        else if (Next.Kind == SqlTokenKind.Symbol && Next.Value is "=" or "<>" or "<" or "<=" or ">" or ">=")
        {
            var op = Next.Value;
            _at++;
            if (Next.IsSymbol("(") && _tokens[_at + 1].IsWord("select")) throw Refuse("subqueries are not supported");
            if (Next.Kind is SqlTokenKind.Word && !Next.IsWord("true") && !Next.IsWord("false") || Next.Kind is SqlTokenKind.QuotedName)
            {
                throw Refuse("a column may only be compared with a value or a parameter, not another column");
            }
            var value = Value(column, text: false);
            condition = op switch
            {
                "=" => Compare(column, FilterOperator.Equal, value),
                "<>" => new ContentFilter.Not(Compare(column, FilterOperator.Equal, value)),
                "<" => Compare(column, FilterOperator.LessThan, value),
                "<=" => Compare(column, FilterOperator.LessThanOrEqual, value),
                ">" => Compare(column, FilterOperator.GreaterThan, value),
                _ => Compare(column, FilterOperator.GreaterThanOrEqual, value),
            };
        }
        else
        {
            throw Refuse($"{Next} is not a supported comparison (=, <>, <, <=, >, >=, LIKE, IN)");
        }
        return negated ? new ContentFilter.Not(condition) : condition;
    }

    private static ContentFilter Compare(SqlColumn column, FilterOperator op, object value) => column switch
    {
        SqlColumn.Version v => new ContentFilter.Column(v.Column, op, value),
        SqlColumn.Part p => new ContentFilter.Field(p.PartName, p.Property, p.Kind, op, value),
        _ => throw new InvalidOperationException($"{column} cannot be compared"),
    };

    /// <summary>LIKE with % only at the ends: 'x%' starts with, '%x' ends with, '%x%' contains, 'x' equals.</summary>
    private ContentFilter Like(SqlColumn column, object value)
    {
        var pattern = (string)value;
        var starts = pattern.StartsWith('%');
        var ends = pattern.Length > (starts ? 1 : 0) && pattern.EndsWith('%');
        var core = pattern[(starts ? 1 : 0)..(pattern.Length - (ends ? 1 : 0))];
        if (core.Contains('%') || core.Contains('_') || core.Contains('['))
        {
            throw Refuse($"the LIKE pattern '{pattern}' is not supported: % is allowed only at its start and end, _ not at all");
        }
        var op = (starts, ends) switch
        {
            (true, true) => FilterOperator.Contains,
            (false, true) => FilterOperator.StartsWith,
            (true, false) => FilterOperator.EndsWith,
            _ => FilterOperator.Equal,
        };
        return Compare(column, op, core);
    }

    private ContentSort SortKey()
    {
        var column = Resolve(ColumnReference());
        var descending = Accept("desc");
        if (!descending) Accept("asc");
        return column switch
        {
            SqlColumn.Version v => new ContentSort.ByColumn(v.Column, descending),
            SqlColumn.Part p => new ContentSort.ByField(p.PartName, p.Property, p.Kind, descending),
            _ => throw Refuse("DocumentId cannot be sorted on: this store has no document numbers"),
        };
    }

    /// <summary>A literal or parameter, typed for the column (text, number, boolean or UTC date).</summary>
    private object Value(SqlColumn column, bool text)
    {
        var values = Values(column, text);
        return values.Count == 1 ? values[0] : throw Refuse($"the parameter before {Next} must be a single value here");
    }

    private List<object> Values(SqlColumn column, bool text = false)
    {
        var token = Next;
        _at++;
        JsonNode? raw = token.Kind switch
        {
            SqlTokenKind.Text => token.Value,
            SqlTokenKind.Number => JsonNode.Parse(token.Value),
            SqlTokenKind.Word when token.IsWord("true") => true,
            SqlTokenKind.Word when token.IsWord("false") => false,
            SqlTokenKind.Parameter => Parameter(token),
            _ => throw Refuse(token, $"a value was expected, not {token}"),
        };
        var items = raw is JsonArray array ? [.. array] : new List<JsonNode?> { raw };
        return [.. items.Select(v => Typed(text ? FieldValueKind.Text : KindOf(column), v, token))];
    }

    private JsonNode? Parameter(SqlToken token)
    {
        if (_parameters.TryGetPropertyValue(token.Value, out var given)) return given;
        if (token.Default is { } fallback)
        {
            return double.TryParse(fallback, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : fallback;
        }
        throw new SearchQueryException($"parameters.{token.Value}", "the query needs this parameter and it has no default");
    }

    private static FieldValueKind KindOf(SqlColumn column) => column switch
    {
        SqlColumn.Part p => p.Kind,
        SqlColumn.Version { Column: ContentColumn.Published or ContentColumn.Latest } => FieldValueKind.Boolean,
        SqlColumn.Version { Column: ContentColumn.CreatedUtc or ContentColumn.ModifiedUtc or ContentColumn.PublishedUtc } => FieldValueKind.Date,
        _ => FieldValueKind.Text,
    };

    private object Typed(FieldValueKind kind, JsonNode? value, SqlToken token)
    {
        if (value is not JsonValue v) throw Refuse(token, $"{token} must be a string, number or boolean");
        var kindOf = v.GetValueKind();
        object? typed = kind switch
        {
            FieldValueKind.Text when kindOf == JsonValueKind.String => v.GetValue<string>(),
            FieldValueKind.Text when kindOf == JsonValueKind.Number => v.ToJsonString(),
            FieldValueKind.Number when kindOf == JsonValueKind.Number => AsDouble(v),
            FieldValueKind.Number when kindOf == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            FieldValueKind.Boolean when kindOf is JsonValueKind.True or JsonValueKind.False => kindOf == JsonValueKind.True,
            FieldValueKind.Boolean when kindOf == JsonValueKind.Number => AsDouble(v) switch { 1 => true, 0 => false, _ => null },
            FieldValueKind.Boolean when kindOf == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
            FieldValueKind.Date when kindOf == JsonValueKind.String && DateTime.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) => d,
            _ => null,
        };
        return typed ?? throw Refuse(token, $"{token} is not a {kind.ToString().ToLowerInvariant()} value{(kind == FieldValueKind.Boolean ? " (1, 0, true or false)" : "")}");
    }

    private static double AsDouble(JsonValue v) => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private int Count(string clause, int max = MaxRows)
    {
        var token = Next;
        var value = Typed(FieldValueKind.Number, token.Kind switch
        {
            SqlTokenKind.Number => JsonNode.Parse(token.Value),
            SqlTokenKind.Parameter => Parameter(token),
            _ => throw Refuse($"{clause} must be followed by a number or a parameter"),
        }, token);
        _at++;
        var number = (double)value;
        if (number < 0 || number != Math.Floor(number)) throw Refuse(token, $"{clause} must be a whole number, at least 0");
        if (number > max) throw Refuse(token, $"{clause} may be at most {max}");
        return (int)number;
    }

    private string Name(string what)
    {
        var token = Next;
        if (token.Kind == SqlTokenKind.QuotedName || token.Kind == SqlTokenKind.Word && !Keywords.Contains(token.Value))
        {
            _at++;
            return token.Value;
        }
        throw token.Kind == SqlTokenKind.Word ? Refuse($"'{token.Value.ToUpperInvariant()}' is not supported here") : Refuse($"{what} was expected, not {token}");
    }

    private bool Accept(string word)
    {
        if (!Next.IsWord(word)) return false;
        _at++;
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!Next.IsSymbol(symbol)) return false;
        _at++;
        return true;
    }

    private void Expect(string word, string problem)
    {
        if (!Accept(word)) throw Next.Kind == SqlTokenKind.Word && Keywords.Contains(Next.Value) && !Next.IsWord(word)
            ? Refuse($"'{Next.Value.ToUpperInvariant()}' is not supported here ({problem})")
            : Refuse(problem);
    }

    private void ExpectSymbol(string symbol, string problem)
    {
        if (!AcceptSymbol(symbol)) throw Refuse(problem);
    }

    private SearchQueryException Refuse(string problem) => Refuse(Next, problem);

    private static SearchQueryException Refuse(SqlToken at, string problem) => new("Template", $"at character {at.Position + 1}: {problem}");
}
