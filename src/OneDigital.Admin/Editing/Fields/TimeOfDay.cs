// Why: times are typed as 24-hour "14:30" in date-time and time fields alike, one rule for both.
using System.Globalization;

namespace OneDigital.Admin.Editing.Fields;

internal static class TimeOfDay
{
    private static readonly string[] Formats = ["H:mm", "H:mm:ss", "H.mm"];

    public static TimeOnly? Parse(string text) =>
        TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    public static string Show(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
