using System.Text.Json.Serialization;

namespace OneDigital.Content.Writing;

/// <summary>How much a finding matters: serious ones keep some readers out (a screen reader user meets an image with
/// nothing to say), warnings make the page harder for many, advice is a style point an editor may weigh.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WritingSeverity>))]
public enum WritingSeverity
{
    Serious,
    Warning,
    Advice,
}
