namespace OneDigital.Content.Partners;

// A one-character secret was accepted, and the token endpoint is reachable by anyone. Rate limiting slows guessing;
// only a long secret makes it hopeless. The rule is length and variety, which a generated secret meets and "secret"
// or "aaaaaaaaaaaaaaaa" does not, without composition rules that push people to "Secret1!".

/// <summary>The minimum strength of a client secret, checked by <c>apps add</c> and the <c>OpenIdApplication</c> step.</summary>
public static class ClientSecretRule
{
    public const int MinimumLength = 16;
    public const int MinimumDistinctCharacters = 8;

    public const string Description = "at least 16 characters, of at least 8 different characters (e.g. `openssl rand -base64 24`)";

    /// <summary>Why the secret is too weak, or null when it is strong enough.</summary>
    public static string? Weakness(string secret)
    {
        if (secret.Length < MinimumLength)
        {
            return $"it has {secret.Length} characters";
        }
        var distinct = secret.Distinct().Count();
        return distinct < MinimumDistinctCharacters ? $"it has only {distinct} different characters" : null;
    }
}
