using System.Diagnostics.Metrics;

namespace JourneyBot.Web.Telemetry;

/// <summary>The web host's own instruments, on the meter <c>JourneyBot.Web</c>.</summary>
internal sealed class WebMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "JourneyBot.Web";

    /// <summary>Progress-card changes that rode along with an update already scheduled, instead of costing one of their own.</summary>
    public const string ProgressUpdatesCoalesced = "journeybot.progress_card.updates_coalesced";

    private readonly Counter<long> _progressCoalesced;

    public WebMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _progressCoalesced = meter.CreateCounter<long>(ProgressUpdatesCoalesced, "{change}",
            "Progress-card changes folded into an update already scheduled.");
    }

    public void ProgressUpdateCoalesced() => _progressCoalesced.Add(1);
}
