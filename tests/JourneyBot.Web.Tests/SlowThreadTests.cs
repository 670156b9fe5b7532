using System.Diagnostics.Metrics;
using System.Net;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A thread whose connector answers nothing still gets every turn answered: beyond the
/// conversation's queue bound the bot folds what it can (confirmations, card updates) instead of
/// holding the HTTP turn, keeps every command's answer, and counts what it folded.
/// </summary>
public sealed class SlowThreadTests(ConnectorFixture fixture, ITestOutputHelper output) : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:flood@thread.tacv2;messageid=1700000000016";
    private const int Turns = 200;
    private const int Members = 20;
    private static readonly TimeSpan AnswersBound = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly RecordingConnector _connector = Reset(fixture.Connector);
    private int _activities;

    [Fact]
    public async Task Two_hundred_messages_into_a_thread_whose_connector_answers_nothing_are_all_answered_and_nothing_is_lost()
    {
        // The card stays where it is, however busy the thread (reposts are ProgressCardRepostTests').
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "0" });
        foreach (var line in new[] { "start Flood", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From("alex", line))).StatusCode);
        }

        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var shedCounted = new MetricCollector<long>(meters, ProtocolTelemetry.Name, ProtocolMetrics.OutboxShed);
        using var queuedCounted = new MetricCollector<long>(meters, ProtocolTelemetry.Name, ProtocolMetrics.OutboxQueued);

        // Every twentieth message a command whose answer must come; the rest contributions of twenty members, ten each or so.
        var flood = Enumerable.Range(1, Turns).Select(n => n % 20 == 0
            ? From($"member-{n / 20}", "status")
            : From($"member-{n / 10 % Members + 1}", $"touchpoint Purchase | website | Idea {n}")).ToList();
        var statusIds = flood.Where(a => a.Text!.EndsWith("status", StringComparison.Ordinal)).Select(a => a.Id!).ToList();

        var release = _connector.Hold();
        List<(HttpStatusCode Status, TimeSpan Took)> answered;
        try
        {
            // Ten members' messages in flight at a time: a busy thread, not a storm on the one Azurite the tests share.
            using var inFlight = new SemaphoreSlim(10);
            var posts = flood.Select(activity => Task.Run(async () =>
            {
                await inFlight.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    var took = System.Diagnostics.Stopwatch.StartNew();
                    var response = await app.PostWithoutWaitingForSendsAsync(activity.ToJson());
                    return (response.StatusCode, took.Elapsed);
                }
                finally
                {
                    inFlight.Release();
                }
            })).ToList();
            try
            {
                // Bounded, so that turns held for room fail the test instead of hanging it.
                await Task.WhenAll(posts).WaitAsync(AnswersBound, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                // Counted below.
            }

            answered = [.. posts.Where(p => p.IsCompletedSuccessfully).Select(p => p.Result)];
            output.WriteLine($"Answered within {AnswersBound.TotalSeconds} s while the connector answered nothing: {answered.Count}/{Turns}.");
            if (answered.Count > 0)
            {
                output.WriteLine($"Slowest answer: {answered.Max(a => a.Took).TotalMilliseconds:F0} ms.");
            }

            Assert.Equal(Turns, answered.Count);
            Assert.All(answered, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        }
        finally
        {
            release();
        }

        // Once the connector answers again: every command is answered, every member asked for
        // their department (at once or in a gathered message), and the card counts every contribution.
        foreach (var id in statusIds)
        {
            await _connector.WaitForAsync(r => r.Method == "POST" && r.Activity.ReplyToId == id, Wait);
        }

        for (var member = 1; member <= Members; member++)
        {
            var name = $"member-{member}";
            await _connector.WaitForAsync(r => r.Method == "POST" && AsksDepartmentOf(r, name), Wait);
        }

        await _connector.WaitForAsync(r => r.Method == "PUT"
            && r.AllText().Contains($"Purchase — {Turns - statusIds.Count} touchpoints", StringComparison.Ordinal), Wait);
        await app.SendsAfterAnswerAsync().WaitAsync(Wait, TestContext.Current.CancellationToken);

        // Typed without how they know it: each member is asked once, not once per item (the progress card
        // counts the rest). A send the held connector timed out is tried again: one message, however many tries.
        for (var member = 1; member <= Members; member++)
        {
            var asked = $"member-{member}, how do you know this?";
            Assert.Single(_connector.Requests.Where(r => r.Method == "POST" && r.AllText().Contains(asked, StringComparison.Ordinal))
                .Select(r => r.Activity.ReplyToId).Distinct());
        }

        // Every turn's sends were either queued or folded, and what was folded is counted and logged.
        var shed = shedCounted.GetMeasurementSnapshot().Sum(m => m.Value);
        var queued = queuedCounted.GetMeasurementSnapshot().Count(m => m.Value > 0);
        output.WriteLine($"Queued: {queued}; shed: {shed}.");
        Assert.Equal(Turns, queued + shed);
        Assert.True(shed > 0, "Some turns' sends should have been folded.");
        var logs = app.Logs.GetSnapshot();
        Assert.Single(logs, r => r.Id.Id == 1160);
        var drained = Assert.Single(logs, r => r.Id.Id == 1161);
        Assert.Equal(shed.ToString(System.Globalization.CultureInfo.InvariantCulture), drained.StructuredState!.Single(p => p.Key == "Shed").Value);
        Assert.DoesNotContain(logs, r => r.Id.Id == 1162);
    }

    private static RecordingConnector Reset(RecordingConnector connector)
    {
        connector.Reset();
        return connector;
    }

    // The department question, as its own card or as a line of a gathered message.
    private static bool AsksDepartmentOf(ConnectorRequest request, string name) =>
        request.AllText().Contains($"{name}, which department", StringComparison.Ordinal);

    private Activity From(string id, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:flood-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = id };
        return activity;
    }
}
