// Why: a submission is kept whole or not at all: its file in the media library, the LearningSubmission draft that
// links it, and the email telling editors, in one store transaction (a failure deletes the file). Editors are the
// users who may edit learning submissions, found through the same permission rules the admin checks, plus any
// configured address, so a new editor hears of submissions without anyone changing a setting.
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Items;
using OneDigital.Content.Mail;
using OneDigital.Content.Media;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Site.Forms;

namespace OneDigital.Site.ShareLearning;

/// <summary>What a reader sent with the form, checked already.</summary>
public sealed record LearningSubmission(string Name, string Organisation, string Email, string Title, string Learning, IFormFile? File);

public sealed class LearningSubmissions(
    ContentManager manager,
    StoreTransaction transaction,
    MediaStore media,
    MailSender mail,
    UserManager<User> users,
    PermissionService permissions,
    IOptions<SiteFormsOptions> options,
    IOptions<PublicSiteOptions> site)
{
    public const string ContentType = "LearningSubmission";

    /// <summary>Where a submission's file goes in the media library: its own folder, named by the item.</summary>
    public static string FolderOf(string contentItemId) => $"mediafields/{ContentType}/{contentItemId}";

    /// <summary>Keeps the submission as a draft and emails the editors; returns the draft's id.</summary>
    /// <param name="requestRoot">The request's scheme and host, for the admin link when no public address is set.</param>
    /// <exception cref="MediaException">The file is not on the allow-list or larger than the limit; nothing is kept.</exception>
    public async Task<string> CreateAsync(LearningSubmission submission, string requestRoot, CancellationToken ct = default)
    {
        var item = await manager.NewAsync(ContentType, ct);
        string? filePath = null;
        try
        {
            await transaction.RunAsync(async () =>
            {
                if (submission.File is { } file)
                {
                    await using var stream = file.OpenReadStream();
                    filePath = await media.SaveAsync(FolderOf(item.ContentItemId), file.FileName, stream, ct);
                }
                item.Author = ShareLearningPages.ActorName;
                var part = item.GetOrCreatePart(ContentType);
                part["Name"] = Text(submission.Name);
                part["Organisation"] = Text(submission.Organisation);
                part["Email"] = Text(submission.Email);
                part["Title"] = Text(submission.Title);
                part["Summary"] = Text(submission.Learning);
                part["File"] = new JsonObject
                {
                    ["Paths"] = filePath is null ? new JsonArray() : new JsonArray(filePath),
                    ["MediaTexts"] = filePath is null ? new JsonArray() : new JsonArray(""),
                };
                await manager.CreateAsync(item, publish: false, ct);
                var to = await EditorAddressesAsync(ct);
                if (to.Count > 0) await mail.SendAsync(Notification(to, item.ContentItemId, submission, filePath, requestRoot), ct);
            }, ct);
        }
        catch
        {
            if (filePath is not null) media.Delete(filePath);
            throw;
        }
        return item.ContentItemId;
    }

    /// <summary>The enabled users who may edit learning submissions, and the configured addresses; each once.</summary>
    public async Task<IReadOnlyList<string>> EditorAddressesAsync(CancellationToken ct = default)
    {
        var found = new List<string>(options.Value.NotifyEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()));
        var candidates = await users.Users.AsNoTracking().Where(u => u.IsEnabled && u.Email != null).OrderBy(u => u.Id).ToListAsync(ct);
        foreach (var user in candidates)
        {
            var roles = await users.GetRolesAsync(user);
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, user.Id)), "Identity"));
            if (await permissions.IsGrantedForTypeAsync(principal, Permissions.EditContent, ContentType, ct)) found.Add(user.Email!);
        }
        return found.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private OutgoingMail Notification(IReadOnlyList<string> to, string id, LearningSubmission s, string? filePath, string requestRoot)
    {
        var root = site.Value.PublicUrl is { IsAbsoluteUri: true } url ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') : requestRoot;
        var body = new StringBuilder()
            .AppendLine("Someone has shared their learning through the website. It is a draft: nothing is published until an editor publishes it.")
            .AppendLine()
            .AppendLine($"Title: {s.Title}")
            .AppendLine($"From: {s.Name}{(s.Organisation.Length > 0 ? $", {s.Organisation}" : "")}")
            .AppendLine($"File: {(filePath is null ? "none" : Path.GetFileName(filePath))}")
            .AppendLine()
            .AppendLine($"Read and review it: {root}/admin/content/{Uri.EscapeDataString(id)}/edit");
        return new OutgoingMail(to, $"Learning shared: {OneLine(s.Title)}") { TextBody = body.ToString() };
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 100 ? line[..100] + "…" : line;
    }

    private static JsonObject Text(string value) => new() { ["Text"] = value.Length == 0 ? null : value };
}
