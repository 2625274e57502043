namespace OneDigital.GraphQL.Caching;

/// <summary>Response caching for anonymous reads of published content, from configuration section <c>OneDigital:GraphQL:Cache</c>.</summary>
public sealed class GraphQLCacheOptions
{
    public const string Section = "OneDigital:GraphQL:Cache";

    /// <summary>Keep responses in memory and answer them with an ETag (false: every request executes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Cache-Control: public, max-age</c> of cacheable responses, in seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>Bytes of response bodies the server keeps; the least used go first when it is full.</summary>
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;
}
