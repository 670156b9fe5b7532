namespace JourneyBot.Web.Telemetry;

/// <summary>Where telemetry goes, read from the settings the exporters themselves read.</summary>
/// <param name="AzureMonitor">Application Insights, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.</param>
/// <param name="Otlp">An OpenTelemetry collector, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</param>
internal sealed record TelemetryExports(bool AzureMonitor, bool Otlp)
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether anything is exported at all.</summary>
    public bool Any => AzureMonitor || Otlp;

    public static TelemetryExports From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]),
        !string.IsNullOrWhiteSpace(configuration[OtlpSetting]));
}
