// Why: the form is shown as one section per part, in the type's order, each with its heading and inputs.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing;

public sealed record FormSection(string? Heading, string? Hint, IReadOnlyList<FormField> Fields);
