using System.Net;
using System.Text;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The bot is stopped as App Service stops it (SIGTERM) while its progress-card update is being
/// retried against a connector that throttles the thread for longer than the host would wait: the
/// pending send gives up after <c>BotHost:ShutdownGrace</c>, is counted in the log (1150), and the
/// process ends by itself with exit code 0, instead of waiting for the host's whole shutdown
/// timeout (30 s) and being killed.
/// </summary>
/// <remarks>
/// The real bot process (tests/JourneyBot.Testing/BotServer) on Azurite and the recording connector.
/// Not timed: the process must end within a bound (20 s) that only a shutdown that gives up in time
/// meets, since the connector asks for 45 s between tries and the host would wait 30 s.
/// </remarks>
public sealed class ShutdownTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:shutdown@thread.tacv2;messageid=1700000000200";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly RecordingConnector _connector;
    private int _activities;

    public ShutdownTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task SIGTERM_during_retried_progress_card_sends_gives_them_up_after_the_grace_logs_how_many_and_exits_0()
    {
        var azurite = await Azurite.SharedAsync();
        var log = Path.Combine(Path.GetTempPath(), "journeybot-shutdown-" + Guid.NewGuid().ToString("N")[..8] + ".log");
        await using var bot = await BotServer.StartConfiguredAsync(log, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["Storage__TableName"] = azurite.NewTableName(),
            ["MapLinks__BaseUrl"] = "http://127.0.0.1",
            ["MapLinks__SigningKey"] = BotApp.TestLinkKey,
            ["BotHost__ShutdownGrace"] = "00:00:02",
        });
        using var http = new HttpClient();
        foreach (var line in new[] { "start Shutdown", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await PostAsync(http, bot, line);
        }

        await _connector.WaitForAsync(r => r.AllText().Contains("Go to review", StringComparison.Ordinal), Bound);

        // Said before, so that the contribution below sends nothing but the progress card's update
        // (a member's first item would otherwise ask their department first, and that post's 429
        // would hold the thread before the update is ever tried).
        await PostAsync(http, bot, "department Marketing");
        await _connector.WaitForAsync(r => r.AllText().Contains("Thanks, Alex Wilber", StringComparison.Ordinal), Bound);

        // From now on the thread is throttled for longer than the host would wait; a contribution
        // makes the progress card's update, which the connector answers 429, Retry-After 45 s.
        _connector.ThrottleUntil(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5), retryAfterSeconds: 45);
        await PostAsync(http, bot, "touchpoint Purchase | website | Compares prices | observed");
        await _connector.WaitForAsync(r => r.Method == "PUT" && r.Status == 429, Bound);

        var exitCode = await bot.TerminateAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var written = await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken);
        Assert.Contains("[1150]", written, StringComparison.Ordinal);
        Assert.Contains("pieces of sending work still pending after the grace of 00:00:02", written, StringComparison.Ordinal);
    }

    private async Task PostAsync(HttpClient http, BotServer bot, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:shutdown-{Interlocked.Increment(ref _activities)}");
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(bot.MessagesUrl, content, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
