using System.Text;
using OneDigital.Content.Webhooks;

namespace OneDigital.Content.Tests.Webhooks;

/// <summary>Receivers check <c>X-OneDigital-Signature</c>: HMAC-SHA256 over "{timestamp}.{body}" with the endpoint's secret.</summary>
public class WebhookSignatureTests
{
    private const string Body = """{"event":"published","contentItemId":"4abc"}""";

    [Test]
    public void The_signature_matches_a_vector_computed_independently()
    {
        // printf '%s' '1700000000.{"event":"published","contentItemId":"4abc"}' | openssl dgst -sha256 -hmac partner-secret
        var signature = WebhookSignature.Sign("partner-secret", 1700000000, Encoding.UTF8.GetBytes(Body));

        Assert.That(signature, Is.EqualTo("sha256=0b979e01015a570166de98b5b4ef227b2f59c9710b8bd15d0734644c36242ab8"));
    }

    [Test]
    public void A_receiver_accepts_the_signed_request_and_rejects_a_changed_body_timestamp_or_secret()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var signature = WebhookSignature.Sign("partner-secret", 1700000000, body);

        Assert.Multiple(() =>
        {
            Assert.That(WebhookSignature.Verify("partner-secret", 1700000000, body, signature), Is.True);
            Assert.That(WebhookSignature.Verify("partner-secret", 1700000000, Encoding.UTF8.GetBytes(Body.Replace("4abc", "4abd")), signature), Is.False, "body");
            Assert.That(WebhookSignature.Verify("partner-secret", 1700000001, body, signature), Is.False, "timestamp");
            Assert.That(WebhookSignature.Verify("another-secret", 1700000000, body, signature), Is.False, "secret");
            Assert.That(WebhookSignature.Verify("partner-secret", 1700000000, body, null), Is.False, "no header");
        });
    }
}
