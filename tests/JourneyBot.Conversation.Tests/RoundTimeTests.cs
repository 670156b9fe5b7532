using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// A round's deadline and reminders in people's own time: three working days by default, the
/// facilitator's date and time read in their zone, one reminder in the member's working hours.
/// </summary>
public sealed class RoundTimeTests
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Wednesday 25 November 2026, 09:00 UTC: 11:00 in Bucharest (UTC+2), 04:00 in New York (UTC−5).
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string> DefaultDeadlines => new()
    {
        // now (UTC), zone, deadline (UTC)
        { "2026-11-25T09:00:00Z", "Europe/Bucharest", "2026-11-30T15:00:00Z" }, // Wed → Thu, Fri, Mon 17:00 +02:00
        { "2026-11-25T09:00:00Z", "America/New_York", "2026-11-30T22:00:00Z" }, // Wed → Mon 17:00 −05:00
        { "2026-11-27T10:00:00Z", "Europe/Bucharest", "2026-12-02T15:00:00Z" }, // Fri → Mon, Tue, Wed: across the weekend
        { "2026-11-28T10:00:00Z", "Europe/Bucharest", "2026-12-02T15:00:00Z" }, // Sat → Mon, Tue, Wed
        { "2026-11-26T23:30:00Z", "Europe/Bucharest", "2026-12-02T15:00:00Z" }, // already Fri 01:30 there → Wed
        { "2026-11-26T23:30:00Z", "America/New_York", "2026-12-01T22:00:00Z" }, // still Thu 18:30 there → Tue
    };

    [Theory]
    [MemberData(nameof(DefaultDeadlines))]
    public void The_default_deadline_is_17_00_on_the_third_working_day_in_the_zone(string now, string zone, string deadline)
    {
        var due = RoundTime.DefaultDeadline(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), RoundTime.Zone(zone));

        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Equal(17, TimeZoneInfo.ConvertTime(due, RoundTime.Zone(zone)).Hour);
    }

    [Fact]
    public void A_date_and_time_are_read_in_the_zone_and_17_00_when_the_time_is_missing()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), RoundTime.Read("2026-11-30", "17:00", Bucharest));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero), RoundTime.Read("2026-11-30", "17:00", NewYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), RoundTime.Read("2026-11-30", null, Bucharest));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), RoundTime.Read(" 2026-11-30 ", " ", Bucharest));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.Zero), RoundTime.Read("2026-11-30", "09:30:00", Bucharest));

        // Summer time: the same clock reading is an hour earlier in UTC.
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 14, 0, 0, TimeSpan.Zero), RoundTime.Read("2027-06-01", "17:00", Bucharest));
    }

    [Theory]
    [InlineData(null, "17:00")]
    [InlineData("", "17:00")]
    [InlineData("30/11/2026", "17:00")]
    [InlineData("2026-02-30", "17:00")]
    [InlineData("2026-11-30", "5pm")]
    [InlineData("2026-11-30", "25:00")]
    public void What_is_not_a_date_and_time_is_not_read(string? date, string? time) =>
        Assert.Null(RoundTime.Read(date, time, Bucharest));

    [Fact]
    public void A_time_the_clocks_skip_is_read_an_hour_later()
    {
        // Bucharest springs forward on 28 March 2027 from 03:00 to 04:00; New York on 14 March 2027 from 02:00 to 03:00.
        var bucharest = RoundTime.Read("2027-03-28", "03:30", Bucharest);
        var newYork = RoundTime.Read("2027-03-14", "02:30", NewYork);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 4, 30, 0, TimeSpan.FromHours(3)), bucharest);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), bucharest);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), newYork);
        Assert.False(Bucharest.IsInvalidTime(TimeZoneInfo.ConvertTime(bucharest!.Value, Bucharest).DateTime));
    }

    [Fact]
    public void A_deadline_in_the_past_or_more_than_30_days_away_is_refused_with_its_reason()
    {
        Assert.Equal(Strings.RoundDeadlinePassed, RoundTime.Problem(Wednesday.AddMinutes(-1), Wednesday));
        Assert.Equal(Strings.RoundDeadlinePassed, RoundTime.Problem(Wednesday, Wednesday));
        Assert.Equal(Strings.RoundDeadlineTooFar, RoundTime.Problem(Wednesday.AddDays(30).AddMinutes(1), Wednesday));
        Assert.Null(RoundTime.Problem(Wednesday.AddDays(30), Wednesday));
        Assert.Null(RoundTime.Problem(Wednesday.AddMinutes(1), Wednesday));
    }

    [Fact]
    public void A_moment_is_shown_by_weekday_within_the_week_and_with_its_date_further_in_the_zone_asked()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal("Mon 17:00", RoundTime.Show(monday, Wednesday, Bucharest));
        Assert.Equal("Mon 10:00", RoundTime.Show(monday, Wednesday, NewYork));
        Assert.Equal("Fri 11 Dec 17:00", RoundTime.Show(new DateTimeOffset(2026, 12, 11, 15, 0, 0, TimeSpan.Zero), Wednesday, Bucharest));
        Assert.Equal(("2026-11-30", "10:00"), RoundTime.Inputs(monday, NewYork));
    }

    public static TheoryData<string, string, string, string?> Reminders => new()
    {
        // sent (UTC), deadline (UTC), member's zone, reminder (UTC) or none
        // Five days: 24 h before is Sunday; moved back to Friday 16:30 in the member's zone.
        { "2026-11-25T09:00:00Z", "2026-11-30T15:00:00Z", "Europe/Bucharest", "2026-11-27T14:30:00Z" },
        { "2026-11-25T09:00:00Z", "2026-11-30T15:00:00Z", "America/New_York", "2026-11-27T21:30:00Z" },
        // A deadline on Monday 09:00: the reminder comes on Friday afternoon.
        { "2026-11-25T09:00:00Z", "2026-11-30T07:00:00Z", "Europe/Bucharest", "2026-11-27T14:30:00Z" },
        // Two days exactly, 24 h before in working hours: as it is.
        { "2026-11-30T09:00:00Z", "2026-12-02T09:00:00Z", "Europe/Bucharest", "2026-12-01T09:00:00Z" },
        // Six hours (Mon 10:00 → 16:00 in Bucharest): half-way, 13:00 there.
        { "2026-11-30T08:00:00Z", "2026-11-30T14:00:00Z", "Europe/Bucharest", "2026-11-30T11:00:00Z" },
        // A day and a half: half-way is 02:00 at night; moved back into Wednesday afternoon.
        { "2026-11-25T09:00:00Z", "2026-11-26T15:00:00Z", "Europe/Bucharest", "2026-11-25T14:30:00Z" },
        // Sent Sunday night, due Monday noon: nothing earlier fits, so the first working moment after half-way.
        { "2026-11-29T20:00:00Z", "2026-11-30T10:00:00Z", "Europe/Bucharest", "2026-11-30T07:00:00Z" },
        // Friday 18:00 to Saturday 18:00: no working time at all.
        { "2026-11-27T16:00:00Z", "2026-11-28T16:00:00Z", "Europe/Bucharest", null },
        // Working hours in Bucharest are night in New York: no reminder for a New Yorker in a Bucharest morning round.
        { "2026-11-30T07:00:00Z", "2026-11-30T11:00:00Z", "America/New_York", null },
        // A deadline not after the sending: none.
        { "2026-11-30T08:00:00Z", "2026-11-30T08:00:00Z", "Europe/Bucharest", null },
    };

    [Theory]
    [MemberData(nameof(Reminders))]
    public void The_reminder_is_24_h_before_or_half_way_moved_into_the_members_working_hours(string sent, string deadline, string zone, string? expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var (from, due) = (DateTimeOffset.Parse(sent, culture), DateTimeOffset.Parse(deadline, culture));

        var reminder = RoundTime.Reminder(from, due, RoundTime.Zone(zone));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, culture), reminder);
        if (reminder is { } at)
        {
            Assert.True(RoundTime.IsWorkingTime(at, RoundTime.Zone(zone)));
            Assert.InRange(at, from.AddTicks(1), due.AddTicks(-1));
        }
    }

    [Fact]
    public void Remind_me_tomorrow_is_09_00_on_the_next_working_day_in_the_members_zone()
    {
        // Friday noon in Bucharest → Monday 09:00 there.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero),
            RoundTime.NextWorkingMorning(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), Bucharest));

        // Thursday 23:30 UTC: Friday 01:30 in Bucharest (→ Monday), still Thursday in New York (→ Friday).
        var lateThursday = new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), RoundTime.NextWorkingMorning(lateThursday, Bucharest));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero), RoundTime.NextWorkingMorning(lateThursday, NewYork));

        // Wednesday → Thursday.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), RoundTime.NextWorkingMorning(Wednesday, Bucharest));
    }

    [Fact]
    public void Working_time_is_09_00_to_17_00_Monday_to_Friday_local()
    {
        Assert.True(RoundTime.IsWorkingTime(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), Bucharest)); // Mon 09:00
        Assert.False(RoundTime.IsWorkingTime(new DateTimeOffset(2026, 11, 30, 6, 59, 0, TimeSpan.Zero), Bucharest)); // Mon 08:59
        Assert.False(RoundTime.IsWorkingTime(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), Bucharest)); // Mon 17:00
        Assert.False(RoundTime.IsWorkingTime(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), Bucharest)); // Sat
        Assert.True(RoundTime.IsWorkingTime(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), NewYork)); // Mon 10:00 there
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_the_teams_then_to_UTC()
    {
        Assert.Equal(Bucharest.Id, RoundTime.Zone("Europe/Bucharest").Id);
        Assert.Equal(Bucharest.Id, RoundTime.Zone("Mars/Olympus", "Europe/Bucharest").Id);
        Assert.Equal(Bucharest.Id, RoundTime.Zone(null, " Europe/Bucharest ").Id);
        Assert.Equal(TimeZoneInfo.Utc, RoundTime.Zone("Mars/Olympus", "nowhere"));
        Assert.Equal(TimeZoneInfo.Utc, RoundTime.Zone(null));
    }
}
