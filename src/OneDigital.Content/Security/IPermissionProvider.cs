namespace OneDigital.Content.Security;

/// <summary>
/// Adds a feature's permissions to the catalogue, typically ones named after stored things
/// (<c>ExecuteApi_{Query}</c>, <c>QueryLucene{Index}Index</c>). Registered as scoped services.
/// </summary>
public interface IPermissionProvider
{
    Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken ct = default);
}
