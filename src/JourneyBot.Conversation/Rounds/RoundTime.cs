using System.Globalization;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// Deadlines and reminders in people's own time: a default deadline of three working days, the
/// facilitator's date and time read in their zone, and a reminder that lands in the member's
/// working hours.
/// </summary>
public static class RoundTime
{
    /// <summary>The furthest a deadline may be.</summary>
    public static readonly TimeSpan LongestRound = TimeSpan.FromDays(30);

    // Working hours: 09:00–17:00 local, Monday to Friday.
    private static readonly TimeSpan DayStarts = TimeSpan.FromHours(9);
    private static readonly TimeSpan DayEnds = TimeSpan.FromHours(17);

    // Reminders move in steps of half an hour to fit working hours, for at most a few days.
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);
    private const int MostSteps = 4 * 48;

    /// <summary>The zone of an IANA (or Windows) id; <paramref name="fallback"/> (else UTC) when the id is missing or unknown.</summary>
    public static TimeZoneInfo Zone(string? id, string? fallback = null)
    {
        foreach (var candidate in new[] { id, fallback })
        {
            if (!string.IsNullOrWhiteSpace(candidate) && TimeZoneInfo.TryFindSystemTimeZoneById(candidate.Trim(), out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>The default deadline: 17:00 on the third working day after <paramref name="now"/>, in <paramref name="zone"/>.</summary>
    public static DateTimeOffset DefaultDeadline(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var workingDays = 0; workingDays < 3;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                workingDays++;
            }
        }

        return At(day + DayEnds, zone);
    }

    /// <summary>
    /// The moment a date (<c>yyyy-MM-dd</c>, as <c>Input.Date</c> sends it) and a time (<c>HH:mm</c>,
    /// as <c>Input.Time</c> sends it; 17:00 when missing) mean in <paramref name="zone"/>; null when
    /// they are not a date and time.
    /// </summary>
    public static DateTimeOffset? Read(string? date, string? time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!DateTime.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        var clock = DayEnds;
        if (!string.IsNullOrWhiteSpace(time)
            && !TimeSpan.TryParseExact(time.Trim(), [@"hh\:mm", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out clock))
        {
            return null;
        }

        return At(day + clock, zone);
    }

    /// <summary>Why a deadline cannot be used, or null when it can.</summary>
    public static string? Problem(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline <= now ? Resources.Strings.RoundDeadlinePassed
        : deadline - now > LongestRound ? Resources.Strings.RoundDeadlineTooFar
        : null;

    /// <summary>"Fri 17:00" within a week, else "Fri 12 Dec 17:00", in <paramref name="zone"/> and the culture of the texts ("vie 12 dic 17:00").</summary>
    public static string Show(DateTimeOffset moment, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var format = moment - now < TimeSpan.FromDays(6) ? "ddd HH:mm" : "ddd d MMM HH:mm";
        return local.ToString(format, CultureInfo.CurrentCulture);
    }

    /// <summary>The date (<c>yyyy-MM-dd</c>) and time (<c>HH:mm</c>) of <paramref name="moment"/> in <paramref name="zone"/>, for the card's inputs.</summary>
    public static (string Date, string Time) Inputs(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// When to remind a member who has not answered: 24 hours before the deadline (half-way for a
    /// round shorter than two days), moved to the nearest earlier moment in their working hours
    /// that is still after the round was sent, else to the next one before the deadline; null
    /// when their working hours hold none.
    /// </summary>
    public static DateTimeOffset? Reminder(DateTimeOffset sentAt, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var length = deadline - sentAt;
        if (length <= TimeSpan.Zero)
        {
            return null;
        }

        var nominal = length >= TimeSpan.FromDays(2) ? deadline - TimeSpan.FromDays(1) : sentAt + (length / 2);
        var earliest = sentAt + TimeSpan.FromMinutes(Math.Min(60, length.TotalMinutes / 4));
        for (var (back, steps) = (nominal, 0); back >= earliest && steps < MostSteps; back -= Step, steps++)
        {
            if (IsWorkingTime(back, zone))
            {
                return back;
            }
        }

        for (var (forward, steps) = (nominal, 0); forward < deadline && steps < MostSteps; forward += Step, steps++)
        {
            if (IsWorkingTime(forward, zone))
            {
                return forward;
            }
        }

        return null;
    }

    /// <summary>09:00 on the next working day after <paramref name="now"/> in <paramref name="zone"/> ("remind me tomorrow").</summary>
    public static DateTimeOffset NextWorkingMorning(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = TimeZoneInfo.ConvertTime(now, zone).Date;
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return At(day + DayStarts, zone);
    }

    /// <summary>Whether <paramref name="moment"/> is in working hours in <paramref name="zone"/>.</summary>
    public static bool IsWorkingTime(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return IsWorkingDay(local.Date) && local.TimeOfDay >= DayStarts && local.TimeOfDay < DayEnds;
    }

    private static bool IsWorkingDay(DateTime day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    // A local time in a zone as a moment; a time the clocks skip (spring forward) is read an hour later.
    private static DateTimeOffset At(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
