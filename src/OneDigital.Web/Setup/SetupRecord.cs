namespace OneDigital.Web.Setup;

/// <summary>The <c>Setup</c> document: its presence means the store has been set up and setup never runs again.</summary>
public sealed class SetupRecord
{
    public DateTime SetUpUtc { get; set; }
    public string Recipe { get; set; } = "";
    public string AdminUserId { get; set; } = "";
    public string AdminUserName { get; set; } = "";
    public string SiteName { get; set; } = "";
}
