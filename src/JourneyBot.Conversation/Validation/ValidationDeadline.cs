using System.Globalization;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// When a validation round closes: the facilitator gives the days members have to answer (1 to
/// <see cref="MostDays"/>, <see cref="DefaultDays"/> unless they change it); the round then closes at
/// 17:00 on that day in the facilitator's zone, the end of a working day wherever they sent it from.
/// </summary>
public static class ValidationDeadline
{
    /// <summary>The days to answer unless the facilitator says otherwise (a typed <c>validate</c> shows it).</summary>
    public const int DefaultDays = 3;

    /// <summary>The most days a round may take: the longest a round of questions may, too.</summary>
    public const int MostDays = 30;

    /// <summary>The days typed on the card: <see cref="DefaultDays"/> when left empty (an older card); null when not a whole number from 1 to <see cref="MostDays"/>.</summary>
    public static int? ReadDays(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return DefaultDays;
        }

        return int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MostDays ? days : null;
    }

    /// <summary>17:00 in <paramref name="zone"/>, <paramref name="days"/> days after the day of <paramref name="now"/> there.</summary>
    public static DateTimeOffset At(DateTimeOffset now, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(days);
        return RoundTime.Read(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, zone)!.Value;
    }
}
