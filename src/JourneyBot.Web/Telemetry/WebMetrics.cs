using System.Diagnostics.Metrics;

namespace JourneyBot.Web.Telemetry;

/// <summary>The web host's own instruments, on the meter <c>JourneyBot.Web</c>.</summary>
internal sealed class WebMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "JourneyBot.Web";

    /// <summary>Progress-card changes that rode along with an update already scheduled, instead of costing one of their own.</summary>
    public const string ProgressUpdatesCoalesced = "journeybot.progress_card.updates_coalesced";

    /// <summary>Progress cards posted again below a busy thread's newer posts (the old one then points to it).</summary>
    public const string ProgressCardsReposted = "journeybot.progress_card.reposts";

    private readonly Counter<long> _progressCoalesced;
    private readonly Counter<long> _progressReposted;

    public WebMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _progressCoalesced = meter.CreateCounter<long>(ProgressUpdatesCoalesced, "{change}",
            "Progress-card changes folded into an update already scheduled.");
        _progressReposted = meter.CreateCounter<long>(ProgressCardsReposted, "{card}",
            "Progress cards posted again at the bottom of a busy thread.");
    }

    public void ProgressUpdateCoalesced() => _progressCoalesced.Add(1);

    public void ProgressCardReposted() => _progressReposted.Add(1);
}
