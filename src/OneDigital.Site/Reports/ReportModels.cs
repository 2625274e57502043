// Why: a report part's page and the series page need the parts' order, neighbours and downloads as plain values, so
// the templates compose link texts and never work out positions themselves.
using OneDigital.Site.Models;

namespace OneDigital.Site.Reports;

/// <summary>The model of <c>Content-ReportSeries.liquid</c>: the series and its published parts in list order.</summary>
public sealed class ReportSeriesView
{
    public required ItemView Item { get; init; }

    public IReadOnlyList<ReportPartLink> Parts { get; init; } = [];
}

/// <summary>The model of <c>Content-Report.liquid</c>: the part, its series and the parts before and after it.</summary>
public sealed class ReportPartView
{
    public required ItemView Item { get; init; }

    public required int Number { get; init; }

    /// <summary>The series the part is in; null for a part outside any list (then it has no neighbours).</summary>
    public ItemView? Series { get; init; }

    public ReportPartLink? Previous { get; init; }

    public ReportPartLink? Next { get; init; }

    /// <summary>The part's PDF, when it has one.</summary>
    public ReportDownload? Pdf { get; init; }
}

/// <summary>A part as others link to it: "Part 2: Working with Digital Champions".</summary>
public sealed class ReportPartLink
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string? Url { get; init; }

    public string? Summary { get; init; }

    public ReportDownload? Pdf { get; init; }
}

/// <summary>A file to download, with the link text that says what it is: "Download Part 2 (PDF, 1.2 MB)".</summary>
public sealed class ReportDownload
{
    public required string Url { get; init; }

    public required string LinkText { get; init; }

    /// <summary>"1.2 MB"; null when the file is not in the media store, so its size is unknown.</summary>
    public string? Size { get; init; }
}
