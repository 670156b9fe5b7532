using Azure.Monitor.OpenTelemetry.AspNetCore;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Storage;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyBot.Web.Telemetry;

/// <summary>
/// Traces, metrics and logs of the bot, exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to an OpenTelemetry collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, both when both are, and nowhere otherwise.
/// </summary>
/// <remarks>
/// With no exporter no OpenTelemetry provider is registered: nothing listens to the spans and
/// instruments, which then cost a check each (the bench runs so). Span and metric names are
/// listed in deployment/README.md with the queries that read them.
/// </remarks>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Adds the exporters of the bot's spans, metrics and logs when an endpoint is configured.</summary>
    public static WebApplicationBuilder AddJourneyBotTelemetry(this WebApplicationBuilder builder)
    {
        var exports = TelemetryExports.From(builder.Configuration);
        if (!exports.Any)
        {
            return builder;
        }

        // The distro brings its own ASP.NET Core and HttpClient instrumentation; adding them twice would double spans.
        var telemetry = builder.Services.AddJourneyBotSignals(httpInstrumentation: !exports.AzureMonitor);
        if (exports.AzureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        if (exports.Otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Registers OpenTelemetry for the bot's sources and meters, with no exporter: the caller adds
    /// them (an endpoint's, or tests' in-memory ones).
    /// </summary>
    internal static OpenTelemetryBuilder AddJourneyBotSignals(this IServiceCollection services, bool httpInstrumentation = true)
    {
        // Health probes come every few seconds and say nothing about turns.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
            options.Filter = http => !http.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal));

        return services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                // Azure.Data.Tables 12.13 on Azure.Core 1.63 starts its spans without the experimental
                // switch Azure.Experimental.EnableActivitySource (measured; TurnTracingTests checks they come).
                tracing.AddSource(ProtocolTelemetry.Name, "Azure.*").AddProcessor(new UrlRedaction());
                if (httpInstrumentation)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ProtocolTelemetry.Name, StorageMetrics.MeterName, WebMetrics.MeterName).AddRuntimeInstrumentation();
                if (httpInstrumentation)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithLogging(configureBuilder: null, configureOptions: options => options.IncludeScopes = true);
    }
}
