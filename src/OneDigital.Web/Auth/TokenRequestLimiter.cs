using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace OneDigital.Web.Auth;

// /connect/token answered about 105 guesses a second, so a weak secret fell to a script. Each client id and each
// remote address gets a token bucket: a partner asks once per token lifetime and never notices, a guesser is slowed
// to a trickle. The client id is in the form body, so the limit is applied here, before OpenIddict reads the request,
// rather than by a policy that sees only the URL.

/// <summary>
/// Limits token requests per client id (<c>OneDigital:OpenId:TokenRequestsPerClient</c> a minute) and per remote address
/// (<c>TokenRequestsPerAddress</c>); past either, 429 with <c>Retry-After</c> and an OAuth error body naming the limit.
/// </summary>
internal sealed class TokenRequestLimiter : IAsyncDisposable
{
    /// <summary>Token requests are a few hundred bytes: a form past these limits is refused before OpenIddict sees it.</summary>
    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 256,
        ValueLengthLimit = 8 * 1024,
        BufferBodyLengthLimit = 16 * 1024,
    };

    /// <summary>Client ids are short; a limiter partition is not kept per megabyte of guessed id.</summary>
    private const int MaxClientIdLength = 256;

    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public TokenRequestLimiter(OpenIdOptions options)
    {
        _perClient = PerMinute(options.TokenRequestsPerClient);
        _perAddress = PerMinute(options.TokenRequestsPerAddress);
    }

    /// <summary>Whether the request is one this limiter counts: a POST to the token endpoint.</summary>
    public static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/connect/token");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        using var addressLease = _perAddress.AttemptAcquire(address);
        if (!addressLease.IsAcquired)
        {
            await RejectAsync(context, addressLease, "TokenRequestsPerAddress", "this address");
            return;
        }
        string? clientId;
        try
        {
            clientId = await ClientIdAsync(context);
        }
        catch (InvalidDataException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", $"The token request's form is too large: {ex.Message}");
            return;
        }
        if (clientId is not null)
        {
            using var clientLease = _perClient.AttemptAcquire(clientId);
            if (!clientLease.IsAcquired)
            {
                await RejectAsync(context, clientLease, "TokenRequestsPerClient", "this client");
                return;
            }
        }
        await next(context);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);

    /// <summary>The client id from the form (client_secret_post) or the Basic credentials (client_secret_basic).</summary>
    private static async Task<string?> ClientIdAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                return Uri.UnescapeDataString(decoded.Split(':', 2)[0]);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        if (!request.HasFormContentType)
        {
            return null;
        }
        // Read once and kept by ASP.NET Core: OpenIddict reads the same form afterwards. Small limits, also for a
        // chunked body, which has no length to check first.
        var form = await request.ReadFormAsync(FormLimits, context.RequestAborted);
        if (!form.TryGetValue("client_id", out var id) || StringValues.IsNullOrEmpty(id))
        {
            return null;
        }
        var clientId = id.ToString();
        return clientId.Length > MaxClientIdLength ? clientId[..MaxClientIdLength] : clientId;
    }

    private static async Task RejectAsync(HttpContext context, RateLimitLease lease, string limit, string who)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // RFC 6749 has no code for "too many requests"; temporarily_unavailable is the one that says "retry later".
        await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "temporarily_unavailable",
            $"Too many token requests from {who}: the limit {OpenIdOptions.Section}:{limit} was reached; retry after {seconds} seconds.");
    }

    /// <summary>An error in the token endpoint's own JSON shape (RFC 6749 section 5.2).</summary>
    private static Task WriteErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json;charset=UTF-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = error,
            ["error_description"] = description,
        }), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _perClient.DisposeAsync();
        await _perAddress.DisposeAsync();
    }
}
