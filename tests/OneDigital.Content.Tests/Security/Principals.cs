using System.Security.Claims;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Tests.Security;

/// <summary>Callers and items for permission tests.</summary>
internal static class Principals
{
    public static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());

    public static ClaimsPrincipal SignedIn(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    public static ContentItem Item(string contentType, string? owner) =>
        new(new JsonObject { ["ContentItemId"] = "item1", ["ContentType"] = contentType, ["Owner"] = owner });
}
