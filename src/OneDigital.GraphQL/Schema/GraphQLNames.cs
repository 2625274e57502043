using System.Text;

namespace OneDigital.GraphQL.Schema;

/// <summary>Orchard's GraphQL names: fields are the camelCase of technical names (<c>BlogPost</c> → <c>blogPost</c>).</summary>
internal static class GraphQLNames
{
    public static string Field(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A valid GraphQL type name for a technical name (letters, digits, underscores; not starting with a digit).</summary>
    public static string Type(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    public static bool IsValid(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !name.StartsWith("__", StringComparison.Ordinal);
}
