namespace JourneyBot.Web.Tests;

/// <summary>
/// Tests that read metrics run alone: an OpenTelemetry meter provider listens to every meter of
/// its name in the process, so another host's turns would count in the figures a test asserts.
/// </summary>
[CollectionDefinition(nameof(MetricsIsolation), DisableParallelization = true)]
public sealed class MetricsIsolation;
