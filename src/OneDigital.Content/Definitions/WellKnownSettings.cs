namespace OneDigital.Content.Definitions;

// Typed views over Orchard's settings bags; unknown keys stay in the JSON untouched.

public sealed class ContentTypeSettings
{
    public bool Creatable { get; set; }
    public bool Listable { get; set; }
    public bool Draftable { get; set; }
    public bool Versionable { get; set; }
    public bool Securable { get; set; }
    public string? Stereotype { get; set; }
    public string? Description { get; set; }
}

public sealed class ContentTypePartSettings
{
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? Position { get; set; }
    public string? Editor { get; set; }
    public string? DisplayMode { get; set; }
}

public sealed class ContentPartSettings
{
    public bool Attachable { get; set; }
    public bool Reusable { get; set; }
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? DefaultPosition { get; set; }
}

public sealed class ContentPartFieldSettings
{
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? Editor { get; set; }
    public string? DisplayMode { get; set; }
    public string? Position { get; set; }
}

public sealed class TitlePartSettings
{
    /// <summary>0 Editable, 1 GeneratedDisabled, 2 GeneratedHidden, 3 EditableRequired.</summary>
    public int Options { get; set; }
    public string? Pattern { get; set; }
    public bool RenderTitle { get; set; } = true;
}

public sealed class AutoroutePartSettings
{
    public string? Pattern { get; set; }
    public bool AllowCustomPath { get; set; }
    public bool AllowUpdatePath { get; set; }
    public bool ShowHomepageOption { get; set; }
    public bool AllowDisabled { get; set; }
    public bool AllowRouteContainedItems { get; set; }
    public bool ManageContainedItemRoutes { get; set; }
    public bool AllowAbsolutePath { get; set; }
}

public sealed class ListPartSettings
{
    public int PageSize { get; set; } = 10;
    public string[] ContainedContentTypes { get; set; } = [];
    public bool EnableOrdering { get; set; }
    public bool ShowHeader { get; set; }
}

/// <summary>Orchard's Bag: the types (and stereotypes) its items may be of.</summary>
public sealed class BagPartSettings
{
    public string[] ContainedContentTypes { get; set; } = [];
    public string[] ContainedStereotypes { get; set; } = [];
    public string? DisplayType { get; set; }
}

/// <summary>Orchard's Flow: its widgets are of these types, or of every Widget-stereotype type when none are named.</summary>
public sealed class FlowPartSettings
{
    public string[] ContainedContentTypes { get; set; } = [];
    public bool CollapseContainedItems { get; set; }
}

public sealed class TextFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public string? DefaultValue { get; set; }
}

public sealed class NumericFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public int Scale { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public string? Placeholder { get; set; }
    public string? DefaultValue { get; set; }
}

public sealed class DateFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
}

public sealed class DateTimeFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
}

public sealed class TimeFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
}

public sealed class LinkFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public string? LinkTextMode { get; set; }
}

public sealed class MediaFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public bool Multiple { get; set; } = true;
    public string[] AllowedExtensions { get; set; } = [];
}

public sealed class ContentPickerFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public bool Multiple { get; set; }
    public bool DisplayAllContentTypes { get; set; }
    public string[] DisplayedContentTypes { get; set; } = [];
}

public sealed class TaxonomyFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public string? TaxonomyContentItemId { get; set; }
    public bool Unique { get; set; }
    public bool LeavesOnly { get; set; }
}

/// <summary>Orchard's settings of an HtmlBodyPart on a type; HTML is sanitized unless a type turns it off.</summary>
public sealed class HtmlBodyPartSettings
{
    public bool SanitizeHtml { get; set; } = true;
    public string? Editor { get; set; }
}

/// <summary>Orchard's settings of an HtmlField; sanitized unless the field turns it off.</summary>
public sealed class HtmlFieldSettings
{
    public string? Hint { get; set; }
    public bool SanitizeHtml { get; set; } = true;
}
