using Microsoft.AspNetCore.Identity;

namespace OneDigital.Content.Store;

// The rows of Identity's user and role tables, which the store's context is built around. They live with the store
// so that it names nothing above it; what a role may do (its permission claims) is Security's business.

public sealed class User : IdentityUser
{
    public User()
    {
        Id = IdGenerator.NewId();
    }

    public bool IsEnabled { get; set; } = true;
}

/// <summary>A role; its permissions are role claims (Security's <c>Permission.ClaimType</c>), as in Orchard.</summary>
public sealed class Role : IdentityRole
{
    public Role()
    {
        Id = IdGenerator.NewId();
    }

    public string? Description { get; set; }
}
