// Why: the audit page filters on kinds and old rows outlive code changes, so each kind is stored by its name; a
// renamed member would orphan the rows that carry the old name, which is why members are only ever added.
namespace OneDigital.Content.Audit;

/// <summary>What happened. Stored as the member's name (e.g. <c>SignInFailed</c>), so never rename a member.</summary>
public enum AuditKind
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    Created,
    Updated,
    Published,
    Unpublished,
    Scheduled,
    ScheduleCancelled,
    DraftDiscarded,
    Cloned,
    Deleted,
    Restored,
    MediaUploaded,
    MediaDeleted,
    Imported,
    PreviewTokenIssued,
    PreviewTokenRevoked,
    PasswordResetRequested,
    PasswordChanged,
    ScheduledChangeFailed,
    PasswordReset,
    EmailChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesRenewed,
    Reordered,
    BulletinSubscribed,
    BulletinConfirmed,
    BulletinUnsubscribed,
    BulletinErased,
    PublishedDespiteWritingFindings,
    Exported,
    QuerySaved,
    QueryDeleted,
}
