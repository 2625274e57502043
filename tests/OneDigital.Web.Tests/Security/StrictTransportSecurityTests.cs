using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Web.Security;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Security;

// HSTS pins browsers to HTTPS for a year, so it must come only from a production site answering over HTTPS: never over
// plain http (it would be ignored, and says the wrong thing) and never in Development, where localhost would be pinned.

public sealed class StrictTransportSecurityTests
{
    private string _certificate = null!;

    [OneTimeSetUp]
    public void MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _certificate = Path.Combine(Path.GetTempPath(), $"onedigital-hsts-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, "test"));
    }

    [OneTimeTearDown]
    public void RemoveCertificate() => File.Delete(_certificate);

    /// <summary>The site on an HTTPS and a plain HTTP loopback port, in the given environment.</summary>
    private async Task<(RunningSite Site, Uri Https, Uri Http)> StartAsync(TestSite store, string environment)
    {
        var site = await store.StartAsync(
            TestSite.SetupRecipe("empty.recipe.json"),
            $"--environment={environment}",
            "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Https:Certificate:Path={_certificate}",
            "--Kestrel:Endpoints:Https:Certificate:Password=test",
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0");
        await site.SetupCompletion;
        var urls = site.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return (site, urls.Single(u => u.Scheme == "https"), urls.Single(u => u.Scheme == "http"));
    }

    private static async Task<string?> HstsAsync(Uri address)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler);
        var response = await http.GetAsync(new Uri(address, "/health"));
        return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;
    }

    [Test]
    public async Task A_production_site_sends_HSTS_over_https_only()
    {
        await using var store = TestSite.Create();
        var (site, https, http) = await StartAsync(store, "Production");
        await using var _ = site;

        Assert.That(await HstsAsync(https), Is.EqualTo(SecurityHeaders.StrictTransportSecurity));
        Assert.That(await HstsAsync(http), Is.Null);
    }

    [Test]
    public async Task A_development_site_never_sends_HSTS()
    {
        await using var store = TestSite.Create();
        var (site, https, _) = await StartAsync(store, "Development");
        await using var __ = site;

        Assert.That(await HstsAsync(https), Is.Null);
    }
}
