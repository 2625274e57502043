// Why: data protection's key ring kept in the store instead of each node's folder, so a cookie or antiforgery token
// made by one node is read by every other node and after any restart.
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Web.Security;

internal sealed class StoreXmlRepository(IServiceScopeFactory scopes, StoreCondition store, TimeProvider clock) : IXmlRepository
{
    // Data protection's interface is synchronous; it calls it rarely (at start, then once a day or on a new key).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        RequireOpenStore();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.CreatedUtc).ThenBy(k => k.Id)
            .Select(k => k.Xml).ToList().Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        RequireOpenStore();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        db.Add(new DataProtectionKeyRecord
        {
            Id = IdGenerator.NewId(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }

    // Before setup, or once the store is lost, a read could create an empty SQLite file or answer with no keys, and
    // data protection would then make a key of its own; failing leaves the ring unread until the store is sound.
    private void RequireOpenStore()
    {
        store.ThrowIfLost();
        if (!store.Opened.IsCompleted)
        {
            throw new InvalidOperationException("The data-protection keys are read once the store is open (after setup).");
        }
    }
}
