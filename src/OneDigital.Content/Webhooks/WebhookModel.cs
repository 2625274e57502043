using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Webhooks;

/// <summary>
/// The webhook tables in <see cref="Store.ContentDbContext"/>, declared here next to their rows: the store's context
/// applies every entity configuration of this assembly, so it names no feature's rows.
/// </summary>
public sealed class WebhookModel : IEntityTypeConfiguration<WebhookEndpoint>, IEntityTypeConfiguration<WebhookDelivery>,
    IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.Property(x => x.Name).HasMaxLength(255);
        builder.Property(x => x.Url).HasMaxLength(2048);
        builder.Property(x => x.Secret).HasMaxLength(1024);
        builder.Property(x => x.ContentTypes).HasMaxLength(2048);
        builder.HasIndex(x => x.Name).IsUnique();
        builder.Ignore(x => x.ContentTypeList);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.Event).HasMaxLength(32);
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
        builder.Property(x => x.ClaimToken).HasMaxLength(64).IsConcurrencyToken();
        builder.Property(x => x.LastError).HasMaxLength(2048);
        builder.HasOne(x => x.Endpoint).WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's question, asked per endpoint: which of its deliveries are pending and due.
        builder.HasIndex(x => new { x.EndpointId, x.Status, x.NextAttemptUtc });
    }

    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("WebhookDeliveryAttempts");
        builder.Property(x => x.DeliveryId).HasMaxLength(64);
        builder.Property(x => x.Error).HasMaxLength(2048);
        builder.HasOne(x => x.Delivery).WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.StartedUtc);
    }
}
