// Why: a reader who gets an event's time wrong misses it; times are told in the site's zone with its name, across
// days and summer time, and an operator's unknown zone stops the site at start rather than showing wrong times.
using Microsoft.Extensions.Options;
using OneDigital.Site.Events;

namespace OneDigital.Site.Tests.Events;

public sealed class EventTimesTests
{
    private static EventTimes In(string zone) => new(Options.Create(new SiteOptions { TimeZone = zone }));

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Test]
    public void An_event_within_a_day_is_one_date_and_two_times_with_the_zone() =>
        Assert.That(In("Europe/London").Describe(Utc(3, 3, 10), Utc(3, 3, 11, 30)), Is.EqualTo("Tuesday 3 March 2026, 10:00 to 11:30 GMT"));

    [Test]
    public void Summer_time_is_told_as_bst_in_local_hours() =>
        Assert.That(In("Europe/London").Describe(Utc(6, 2, 9), Utc(6, 2, 10)), Is.EqualTo("Tuesday 2 June 2026, 10:00 to 11:00 BST"));

    [Test]
    public void An_event_over_several_days_gives_both_dates() =>
        Assert.That(In("Europe/London").Describe(Utc(3, 3, 10), Utc(3, 4, 16)),
            Is.EqualTo("Tuesday 3 March 2026, 10:00 GMT to Wednesday 4 March 2026, 16:00 GMT"));

    [Test]
    public void An_event_across_the_change_to_summer_time_names_each_zone() =>
        Assert.That(In("Europe/London").Describe(Utc(3, 29, 0, 30), Utc(3, 29, 1, 30)),
            Is.EqualTo("Sunday 29 March 2026, 00:30 GMT to 02:30 BST"));

    [Test]
    public void An_event_without_an_end_is_its_start() =>
        Assert.That(In("Europe/London").Describe(Utc(3, 3, 10), null), Is.EqualTo("Tuesday 3 March 2026, 10:00 GMT"));

    [Test]
    public void Other_zones_are_named_by_their_offset() => Assert.Multiple(() =>
    {
        Assert.That(In("UTC").Describe(Utc(3, 3, 10), null), Is.EqualTo("Tuesday 3 March 2026, 10:00 UTC"));
        Assert.That(In("Europe/Paris").Describe(Utc(3, 3, 10), null), Is.EqualTo("Tuesday 3 March 2026, 11:00 UTC+01:00"));
        Assert.That(In("Europe/Paris").Iso(Utc(3, 3, 10)), Is.EqualTo("2026-03-03T11:00:00+01:00"));
    });

    [Test]
    public void An_unknown_zone_is_refused_with_the_setting_named() =>
        Assert.That(() => In("Mars/Olympus"), Throws.InvalidOperationException.With.Message.Contains("OneDigital:Site:TimeZone"));
}
