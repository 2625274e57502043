using System.Globalization;
using System.Text;

namespace OneDigital.Search.Queries.Sql;

internal enum SqlTokenKind
{
    Word,
    QuotedName,
    Text,
    Number,
    Symbol,
    Parameter,
    End,
}

/// <param name="Default">For a parameter written <c>@name:default</c>, the default as written.</param>
internal sealed record SqlToken(SqlTokenKind Kind, string Value, int Position, string? Default = null)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && Value.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Value == symbol;

    public override string ToString() => Kind switch
    {
        SqlTokenKind.End => "the end of the query",
        SqlTokenKind.Text => $"'{Value}'",
        SqlTokenKind.Parameter => $"parameter '{Value}'",
        _ => $"'{Value}'",
    };
}

/// <summary>
/// Splits an Orchard SQL query template into tokens. Parameters are Orchard's <c>@name</c> / <c>@name:default</c>
/// and Liquid's bare <c>{{ name }}</c>; both become bound values, never text pasted into a statement. Comments,
/// statement separators and any other Liquid are refused here, before parsing.
/// </summary>
internal static class SqlTokens
{
    public static List<SqlToken> Read(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1, '-') || c == '/' && At(sql, i + 1, '*') || c == '#')
            {
                throw Unsupported(start, "comments are not supported");
            }
            else if (c == ';')
            {
                throw Unsupported(start, "';' is not supported: a query is one SELECT statement");
            }
            else if (c == '{' && At(sql, i + 1, '{'))
            {
                var close = sql.IndexOf("}}", i + 2, StringComparison.Ordinal);
                var name = close < 0 ? "" : sql[(i + 2)..close].Trim();
                if (close < 0 || !IsName(name))
                {
                    throw Unsupported(start, "only Liquid parameters of the form {{ name }} are supported (no filters or tags)");
                }
                tokens.Add(new SqlToken(SqlTokenKind.Parameter, name, start));
                i = close + 2;
            }
            else if (c == '{' && At(sql, i + 1, '%'))
            {
                throw Unsupported(start, "Liquid tags ({% ... %}) are not supported; use {{ name }} or @name parameters");
            }
            else if (c == '@')
            {
                i++;
                while (i < sql.Length && IsNameChar(sql[i])) i++;
                var name = sql[(start + 1)..i];
                if (!IsName(name)) throw Unsupported(start, "'@' must be followed by a parameter name");
                string? fallback = null;
                if (At(sql, i, ':'))
                {
                    var valueStart = ++i;
                    if (At(sql, i, '\''))
                    {
                        fallback = ReadText(sql, ref i, valueStart);
                    }
                    else
                    {
                        while (i < sql.Length && (IsNameChar(sql[i]) || sql[i] is '.' or '-')) i++;
                        fallback = sql[valueStart..i];
                    }
                    if (fallback.Length == 0 && !At(sql, valueStart, '\'')) throw Unsupported(start, $"the parameter '{name}' has ':' but no default value");
                }
                tokens.Add(new SqlToken(SqlTokenKind.Parameter, name, start, fallback));
            }
            else if (c == '\'')
            {
                tokens.Add(new SqlToken(SqlTokenKind.Text, ReadText(sql, ref i, start), start));
            }
            else if (c is '[' or '"' or '`')
            {
                var close = sql.IndexOf(c == '[' ? ']' : c, i + 1);
                if (close < 0) throw Unsupported(start, "a quoted name is not closed");
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, sql[(i + 1)..close], start));
                i = close + 1;
            }
            else if (char.IsAsciiDigit(c) || c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.')) i++;
                var number = sql[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw Unsupported(start, $"'{number}' is not a number");
                tokens.Add(new SqlToken(SqlTokenKind.Number, number, start));
            }
            else if (IsNameChar(c))
            {
                while (i < sql.Length && IsNameChar(sql[i])) i++;
                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[start..i], start));
            }
            else
            {
                var two = i + 1 < sql.Length ? sql.Substring(i, 2) : "";
                if (two is "<>" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Symbol, two == "!=" ? "<>" : two, start));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '(' or ')' or ',' or '.' or '*')
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString(), start));
                    i++;
                }
                else
                {
                    throw Unsupported(start, $"'{c}' is not supported");
                }
            }
        }
        tokens.Add(new SqlToken(SqlTokenKind.End, "", sql.Length));
        return tokens;
    }

    private static string ReadText(string sql, ref int i, int start)
    {
        var text = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= sql.Length) throw Unsupported(start, "a string is not closed");
            if (sql[i] == '\'')
            {
                if (At(sql, i + 1, '\''))
                {
                    text.Append('\'');
                    i += 2;
                    continue;
                }
                i++;
                return text.ToString();
            }
            text.Append(sql[i++]);
        }
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsName(string s) => s.Length > 0 && !char.IsAsciiDigit(s[0]) && s.All(IsNameChar);

    private static SearchQueryException Unsupported(int position, string problem) => new("Template", $"at character {position + 1}: {problem}");
}
