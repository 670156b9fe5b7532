using System.Diagnostics.Metrics;
using JourneyBot.Web.Telemetry;

namespace JourneyBot.Web.Scheduling;

/// <summary>The schedule runner's instruments, on the web host's meter (<see cref="WebMetrics.MeterName"/>).</summary>
internal sealed class ScheduleMetrics
{
    /// <summary>Polls of the schedule (each claims until no work is due), tagged with nothing.</summary>
    public const string Polls = "journeybot.schedule.polls";

    /// <summary>Due work by how its attempt ended (<c>outcome</c>: done, retried, given_up, unknown_kind, interrupted) and <c>kind</c>.</summary>
    public const string Work = "journeybot.schedule.work";

    /// <summary>Due work taken over from a claim that ran out: work that may have been done twice.</summary>
    public const string Repeats = "journeybot.schedule.repeats";

    private readonly Counter<long> _polls;
    private readonly Counter<long> _work;
    private readonly Counter<long> _repeats;

    public ScheduleMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WebMetrics.MeterName);
        _polls = meter.CreateCounter<long>(Polls, "{poll}", "Polls of the durable schedule.");
        _work = meter.CreateCounter<long>(Work, "{work}", "Attempts at due work, by outcome.");
        _repeats = meter.CreateCounter<long>(Repeats, "{work}", "Due work taken over after a claim ran out, which may be done twice.");
    }

    public void Polled() => _polls.Add(1);

    public void Attempted(string kind, string outcome) =>
        _work.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void Repeated(string kind) => _repeats.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
