using Microsoft.AspNetCore.Identity;

namespace OneDigital.Content.Security;

/// <summary>Identity refused a change (a weak password, an invalid or duplicate name); the message carries its reasons.</summary>
public sealed class IdentityFailureException(string message, IReadOnlyList<string> errors) : Exception(message)
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public static void ThrowIfFailed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            var errors = result.Errors.Select(e => e.Description).ToList();
            throw new IdentityFailureException($"{what}: {string.Join(" ", errors)}", errors);
        }
    }
}
