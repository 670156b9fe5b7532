using JourneyBot.Testing;
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

    [Fact]
    public async Task With_an_OTLP_endpoint_the_bot_exports_and_still_answers()
    {
        // A loopback port nothing listens on: the exporter's sends fail, as to a collector that is down.
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}";
        await using var bot = new BotApp(new Dictionary<string, string?>());
        // A host setting, like the environment variable in Azure: Program reads it before the host is built.
        await using var app = bot.WithWebHostBuilder(host => host.UseSetting(TelemetryExports.OtlpSetting, endpoint));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(
            Activities.Of("conversationUpdate", "http://127.0.0.1:9/").ToJson(), System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
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
    [InlineData("/v1.0/users/00000000-0000-0000-0000-000000000021", "/v1.0/users/{id}")]
    [InlineData("/api/messages", "/api/messages")]
    public void Ids_are_taken_out_of_recorded_paths(string path, string redacted) =>
        Assert.Equal(redacted, UrlRedaction.Path(path));
}
