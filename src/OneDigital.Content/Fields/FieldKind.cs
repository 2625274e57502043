namespace OneDigital.Content.Fields;

/// <summary>
/// The content field kinds the engine knows: a closed set, so every layer that treats kinds differently implements
/// <see cref="IFieldKindVisitor{T}"/> and a new kind fails to compile until each of them handles it. Orchard's names
/// ("TextField", ...) live in <see cref="FieldKinds"/>.
/// </summary>
public enum FieldKind
{
    Text,
    Html,
    Markdown,
    Numeric,
    Boolean,
    Date,
    DateTime,
    Time,
    Link,
    Media,
    ContentPicker,
    Taxonomy,
    UserPicker,
    MultiText,
    Youtube,
    LocalizationSetContentPicker,
}
