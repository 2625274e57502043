namespace OneDigital.Content.Security;

/// <summary>The <c>OneDigital:Security</c> settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "OneDigital:Security";

    /// <summary>
    /// Whether items of Securable types (LearningSubmission) are granted only to the Administrator role and to roles
    /// holding a permission naming the type (View_LearningSubmission, EditOwn_LearningSubmission...), so the general
    /// ViewContent the site gives anonymous readers never opens them, through any API. Orchard lets the general
    /// permissions cover Securable types too (its blog recipe makes Blog Securable and still shows it to anonymous
    /// readers): set false for that behaviour.
    /// </summary>
    public bool SecurableTypesNeedTypePermission { get; set; } = true;
}
