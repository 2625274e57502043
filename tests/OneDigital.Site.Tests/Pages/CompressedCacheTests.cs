// Why: the output cache runs outside compression, so an entry holds the bytes as compressed for one Accept-Encoding;
// a reader whose browser asks for another (or none) must still get a page it can read, never another's encoding.
using System.IO.Compression;
using System.Net;
using System.Text;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Pages;

public sealed class CompressedCacheTests
{
    [Test]
    public async Task A_cached_page_is_kept_per_encoding_and_each_reader_gets_the_encoding_asked_for()
    {
        await using var site = await ReadersSite.StartAsync();
        const string path = "/about-the-community-of-practice";
        var plain = await site.GetStringAsync(path);

        foreach (var round in new[] { "first visit", "cache hit" })
        {
            var (brotli, brotliAge) = await GetAsync(site, path, "br, gzip");
            var (gzip, gzipAge) = await GetAsync(site, path, "gzip");
            var (identity, identityAge) = await GetAsync(site, path, null);
            Assert.Multiple(() =>
            {
                Assert.That(brotli.Encoding, Is.EqualTo("br"), round);
                Assert.That(Decode(brotli), Is.EqualTo(plain), round);
                Assert.That(gzip.Encoding, Is.EqualTo("gzip"), round);
                Assert.That(Decode(gzip), Is.EqualTo(plain), round);
                Assert.That(identity.Encoding, Is.Null, round);
                Assert.That(Decode(identity), Is.EqualTo(plain), round);
                if (round == "cache hit")
                {
                    Assert.That(new[] { brotliAge, gzipAge, identityAge }, Has.All.True, "each encoding is served from its own entry");
                }
            });
        }
    }

    private sealed record Served(string? Encoding, byte[] Body);

    private static async Task<(Served Served, bool FromCache)> GetAsync(ReadersSite site, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        using var response = await site.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var served = new Served(response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
        return (served, response.Headers.Age is not null);
    }

    private static string Decode(Served served)
    {
        using var input = new MemoryStream(served.Body);
        using Stream stream = served.Encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
