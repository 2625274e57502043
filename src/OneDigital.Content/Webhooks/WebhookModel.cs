using Microsoft.EntityFrameworkCore;

namespace OneDigital.Content.Webhooks;

/// <summary>The webhook tables in <see cref="Store.ContentDbContext"/>.</summary>
public static class WebhookModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("WebhookEndpoints");
            e.Property(x => x.Name).HasMaxLength(255);
            e.Property(x => x.Url).HasMaxLength(2048);
            e.Property(x => x.Secret).HasMaxLength(1024);
            e.Property(x => x.ContentTypes).HasMaxLength(2048);
            e.HasIndex(x => x.Name).IsUnique();
            e.Ignore(x => x.ContentTypeList);
        });

        builder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("WebhookDeliveries");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Event).HasMaxLength(32);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ClaimToken).HasMaxLength(64).IsConcurrencyToken();
            e.Property(x => x.LastError).HasMaxLength(2048);
            e.HasOne(x => x.Endpoint).WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
            // The dispatcher's question, asked per endpoint: which of its deliveries are pending and due.
            e.HasIndex(x => new { x.EndpointId, x.Status, x.NextAttemptUtc });
        });

        builder.Entity<WebhookDeliveryAttempt>(e =>
        {
            e.ToTable("WebhookDeliveryAttempts");
            e.Property(x => x.DeliveryId).HasMaxLength(64);
            e.Property(x => x.Error).HasMaxLength(2048);
            e.HasOne(x => x.Delivery).WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.StartedUtc);
        });
    }
}
