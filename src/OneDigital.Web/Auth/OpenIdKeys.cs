using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Web.Auth;

/// <summary>
/// The token server's signing and encryption keys. They are made once and kept in the store (document
/// <c>OpenIdKeys</c>), not in the data folder: every node of a farm shares the store, so each signs and reads tokens
/// with the same keys, and tokens outlive restarts. The private keys are as safe as the store itself, which already
/// holds everything they protect.
/// </summary>
public sealed class OpenIdKeys(ContentDbContext db, DocumentStore documents)
{
    public const string DocumentName = "OpenIdKeys";

    public async Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)> GetOrCreateAsync(CancellationToken ct = default)
    {
        var (stored, version) = await documents.GetAsync<KeysDocument>(DocumentName, ct);
        if (version == 0)
        {
            stored = new KeysDocument { Signing = StoredKey.New(), Encryption = StoredKey.New() };
            // An insert, never an update: when another node made the keys meanwhile, its keys win and are read back.
            db.Documents.Add(new DocumentRecord { Name = DocumentName, Version = 1, Json = JsonSerializer.Serialize(stored, ContentJson.Compact) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                (stored, _) = await documents.GetAsync<KeysDocument>(DocumentName, ct);
            }
        }
        return (stored.Signing.ToSecurityKey(), stored.Encryption.ToSecurityKey());
    }

    public sealed class KeysDocument
    {
        public StoredKey Signing { get; set; } = new();
        public StoredKey Encryption { get; set; } = new();
    }

    public sealed class StoredKey
    {
        public string Id { get; set; } = "";

        /// <summary>An RSA private key, PKCS#8, base64.</summary>
        public string Pkcs8 { get; set; } = "";

        public static StoredKey New()
        {
            using var rsa = RSA.Create(2048);
            return new StoredKey { Id = Guid.NewGuid().ToString("N"), Pkcs8 = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()) };
        }

        public RsaSecurityKey ToSecurityKey()
        {
            if (Pkcs8.Length == 0)
            {
                throw new InvalidOperationException($"The stored document '{DocumentName}' holds no key; delete it to have new keys made.");
            }
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(Pkcs8), out _);
            return new RsaSecurityKey(rsa) { KeyId = Id };
        }
    }
}
