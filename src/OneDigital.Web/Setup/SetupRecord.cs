namespace OneDigital.Web.Setup;

/// <summary>The <c>Setup</c> document: its presence means the store has been set up and setup never runs again.</summary>
public sealed class SetupRecord
{
    /// <summary>Names this store; the data folder's marker (<c>onedigital.store.json</c>) repeats it, so a swapped database is noticed.</summary>
    public string StoreId { get; set; } = "";

    public DateTime SetUpUtc { get; set; }
    public string Recipe { get; set; } = "";
    public string AdminUserId { get; set; } = "";
    public string AdminUserName { get; set; } = "";
    public string SiteName { get; set; } = "";
}
