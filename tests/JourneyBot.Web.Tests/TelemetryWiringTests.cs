using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyBot.Web.Tests;

/// <summary>Where telemetry goes: nowhere unless an endpoint is configured, and no ids in the URLs it records.</summary>
public sealed class TelemetryWiringTests
{
    [Fact]
    public async Task Without_an_endpoint_no_OpenTelemetry_provider_listens()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000", null, true, false)]
    [InlineData(null, "http://127.0.0.1:4317", false, true)]
    [InlineData(" ", "", false, false)]
    public void Each_endpoint_setting_turns_its_exporter_on(string? connectionString, string? otlp, bool azureMonitor, bool otlpOn)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExports.AzureMonitorSetting] = connectionString,
            [TelemetryExports.OtlpSetting] = otlp,
        }).Build();

        Assert.Equal(new TelemetryExports(azureMonitor, otlpOn), TelemetryExports.From(configuration));
    }

    [Theory]
    [InlineData("/teams/v3/conversations/19:abc@thread.tacv2;messageid=1/activities/1:2", "/teams/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v3/conversations/a:1xyz/activities", "/v3/conversations/{id}/activities")]
    [InlineData("/devstoreaccount1/journey1(PartitionKey='t%3A1',RowKey='m')", "/devstoreaccount1/journey1(…)")]
    [InlineData("/maps/signed-token/png", "/maps/{id}/png")]
    [InlineData("/api/messages", "/api/messages")]
    public void Ids_are_taken_out_of_recorded_paths(string path, string redacted) =>
        Assert.Equal(redacted, UrlRedaction.Path(path));
}
