// Why: aria-describedby and the error class are computed the same way by every field partial.
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OneDigital.Admin.Shared.Forms;

internal static class Describe
{
    /// <summary>The ids of the hint and the error message, for <c>aria-describedby</c>; null when there is neither.</summary>
    public static string? By(FormField field, ModelStateDictionary state)
    {
        var ids = new List<string>(2);
        if (field.Hint is not null) ids.Add(field.HintId);
        if (HasError(field, state)) ids.Add(field.ErrorId);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static bool HasError(FormField field, ModelStateDictionary state) => FieldIds.ErrorFor(state, field.Name) is not null;
}
