// Why: "forgot password" must not tell a stranger which accounts exist, nor let anyone flood an editor's inbox. So the
// request always ends the same way after the same minimum time, an email goes only to an enabled account with an
// address, and each account gets a few per hour, counted from the audit trail in the store (shared by every node).
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Mail;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class PasswordResetMail(
    UserManager<User> users,
    MailSender mail,
    AuditTrail audit,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<PasswordResetMail> log)
{
    public const string Subject = "Reset your One Digital admin password";

    /// <summary>Every request takes at least this long, so a known account (which sends mail) looks like an unknown one.</summary>
    internal static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(400);

    /// <summary>Sends the reset link when <paramref name="nameOrEmail"/> is an enabled account with an email and under its hourly limit.</summary>
    public async Task RequestAsync(string nameOrEmail, HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await SendIfAllowedAsync(nameOrEmail, http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer stays the same; the operator finds out from the log.
            log.LogError(ex, "The password reset email could not be sent");
        }
        var left = MinimumDuration - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero) await Task.Delay(left, http.RequestAborted);
    }

    private async Task SendIfAllowedAsync(string nameOrEmail, HttpContext http)
    {
        var ct = http.RequestAborted;
        var user = await users.FindByNameOrEmailAsync(nameOrEmail, ct);
        if (user is not { IsEnabled: true, Email.Length: > 0, UserName: not null }) return;

        var sentLastHour = await audit.QueryAsync(new AuditQuery
        {
            Kinds = [AuditKind.PasswordResetRequested],
            UserName = user.UserName,
            FromUtc = clock.GetUtcNow().UtcDateTime.AddHours(-1),
            PageSize = 1,
        }, ct);
        if (sentLastHour.Total >= options.Value.PasswordResetsPerHour)
        {
            log.LogWarning("Password reset for {User} refused: {Count} sent in the last hour", user.UserName, sentLastHour.Total);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = ResetLink(http, user.Id, token);
        await mail.SendAsync(new OutgoingMail([user.Email], Subject)
        {
            TextBody = $"""
                Someone (hopefully you) asked to reset the password of the One Digital admin account "{user.UserName}".

                To choose a new password, open this link within {Describe(options.Value.PasswordResetLifetime)}. It works once:

                {link}

                If you did not ask for this, ignore this email; your password stays as it is.
                """,
        }, ct);
        await audit.RecordAsync(AuditKind.PasswordResetRequested, http, user);
    }

    private string ResetLink(HttpContext http, string userId, string token)
    {
        var root = options.Value.PublicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{http.Request.Scheme}://{http.Request.Host}";
        return $"{root}{ResetPasswordModel.Path}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
    }

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 && lifetime.TotalHours == Math.Floor(lifetime.TotalHours)
            ? lifetime.TotalHours == 1 ? "an hour" : $"{lifetime.TotalHours} hours"
            : $"{Math.Max(1, (int)Math.Round(lifetime.TotalMinutes))} minutes";
}
