namespace OneDigital.Content.Items;

/// <summary>Which version of an item a read wants, as in Orchard.</summary>
public enum VersionOptions
{
    /// <summary>The published version, or nothing.</summary>
    Published,
    /// <summary>The latest version, draft or published.</summary>
    Latest,
    /// <summary>The latest version if it is a draft; otherwise a new, unsaved draft copied from it.</summary>
    DraftRequired,
}
