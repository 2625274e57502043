// Why: the web host's data-protection key ring (cookies, antiforgery tokens, reset links) lives in the store, so
// every node of a farm and every restart read the same keys; the table is declared here because the store's
// migrations are Content's, while the repository that reads it is the web host's.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Security;

/// <summary>One key of the ring as ASP.NET Core data protection writes it: an XML element.</summary>
public sealed class DataProtectionKeyRecord
{
    public string Id { get; set; } = "";
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

public sealed class DataProtectionKeyModel : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.FriendlyName).HasMaxLength(255);
    }
}
