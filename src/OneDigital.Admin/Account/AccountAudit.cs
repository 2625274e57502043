// Why: account events happen before anyone is signed in (a failed sign-in, a reset by email) or on behalf of the
// signed-in user, so each names the account it is about rather than the scope's ContentActor, and carries the
// caller's address, which is what someone reading the trail after an attack wants.
using Microsoft.AspNetCore.Http;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public static class AccountAudit
{
    /// <summary>Records <paramref name="kind"/> about <paramref name="user"/>, or about the name that was tried when no account matched.</summary>
    public static Task RecordAsync(this AuditTrail trail, AuditKind kind, HttpContext http, User? user, string? triedName = null, string? detail = null) =>
        trail.RecordAsync(new AuditEntry(kind)
        {
            UserId = user?.Id,
            UserName = user?.UserName ?? triedName ?? "(unknown)",
            Detail = detail,
            RemoteAddress = http.Connection.RemoteIpAddress?.ToString(),
        }, http.RequestAborted);
}
