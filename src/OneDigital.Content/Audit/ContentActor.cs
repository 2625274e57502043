// Why: content events do not say who caused them; the admin sets the signed-in user here once per request, and the
// audit reads it, so ContentManager's signatures stay free of a user parameter.
namespace OneDigital.Content.Audit;

/// <summary>
/// Who is acting in this scope. Until someone calls <see cref="Set"/> it is the system (recipes at setup, the CLI,
/// background work); the REST and GraphQL paths may call <see cref="Set"/> with their client's name.
/// </summary>
public sealed class ContentActor
{
    public const string SystemName = "system";

    public string? UserId { get; private set; }
    public string UserName { get; private set; } = SystemName;
    public string? RemoteAddress { get; private set; }

    public bool IsSystem => UserId is null && UserName == SystemName;

    public void Set(string? userId, string userName, string? remoteAddress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        UserId = userId;
        UserName = userName;
        RemoteAddress = remoteAddress;
    }
}
