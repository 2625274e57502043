using Microsoft.AspNetCore.Identity;

namespace OneDigital.Content.Security;

public sealed class User : IdentityUser
{
    public User()
    {
        Id = Items.IdGenerator.NewId();
    }

    public bool IsEnabled { get; set; } = true;
}

/// <summary>A role; its permissions are role claims of type <see cref="Permission.ClaimType"/>, as in Orchard.</summary>
public sealed class Role : IdentityRole
{
    public Role()
    {
        Id = Items.IdGenerator.NewId();
    }

    public string? Description { get; set; }
}
