using System.Net;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The connector throttles a busy thread (429, Retry-After 2 s) for 20 s while its members
/// contribute and ask for the status: every reply still goes out, once, in order, and the bot
/// never sends into the thread faster than Teams allows, its retries included.
/// </summary>
/// <remarks>Real time: the storm is the connector's and lasts 20 s; the test bounds every wait.</remarks>
public sealed class ThrottleStormTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000016";
    private const string Apology = "Sorry, something went wrong on my side and I could not finish that. Please try again.";
    private const int Members = 10;
    private const int PerSecond = 7;
    private static readonly TimeSpan Storm = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly RecordingConnector _connector;
    private int _activities;

    public ThrottleStormTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task A_twenty_second_storm_of_429s_loses_no_reply_and_the_bot_keeps_to_seven_sends_a_second()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var app = new BotApp(new Dictionary<string, string?>());
        foreach (var line in new[] { "start Storm", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            var setup = await app.PostActivityAsync(From("alex", "Alex Wilber", line)).WaitAsync(Bound, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        }

        var setUp = started.Elapsed;
        var stormEnds = DateTimeOffset.UtcNow + Storm;
        _connector.ThrottleUntil(stormEnds, retryAfterSeconds: 2);

        // Each member contributes, then asks for the status; each turn answered before the next comes.
        var statusTurns = new List<string>();
        for (var n = 1; n <= Members; n++)
        {
            var contribution = From($"member-{n:00}", $"Member {n:00}", $"touchpoint Purchase | website | Idea {n}");
            var status = From($"member-{n:00}", $"Member {n:00}", "status");
            foreach (var turn in new[] { contribution, status })
            {
                var answer = await app.PostWithoutWaitingForSendsAsync(turn.ToJson()).WaitAsync(Bound, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }

            statusTurns.Add(status.Id!);
        }

        // Bounded: a send lost or stuck fails the test at the bound instead of hanging it.
        var settled = await SettledAsync(stormEnds + Bound);
        await app.SendsAfterAnswerAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var thread = IntoThread().ToList();
        var delivered = thread.Where(r => r.Status is >= 200 and < 300).ToList();
        // An apology answers the turn too, but is no answer to the command.
        var answers = statusTurns.Select(id => delivered.Count(r => r.Activity.ReplyToId == id && r.Activity.Text != Apology)).ToList();
        var busiest = thread.Max(r => thread.Count(o => o.ReceivedAt >= r.ReceivedAt && o.ReceivedAt <= r.ReceivedAt + TimeSpan.FromSeconds(1)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Set up in {setUp.TotalSeconds:0.0} s. Storm {Storm.TotalSeconds:0} s: {thread.Count(r => r.Status == 429)} attempts answered 429, {delivered.Count} sends delivered; " +
            $"status answers delivered {answers.Count(c => c == 1)} of {Members} ({answers.Count(c => c == 0)} dropped), {delivered.Count(r => r.Activity.Text == Apology)} apologies; " +
            $"given up {app.Logs.GetSnapshot().Count(r => r.Id.Id is 1121 or 1170)}; most into the thread in 1 s: {busiest}; " +
            $"last delivery {(delivered.Max(r => r.ReceivedAt) - stormEnds).TotalSeconds:0.0} s after the storm ended.");

        Assert.True(settled, "The replies did not all arrive within the bound after the storm.");
        Assert.All(answers, count => Assert.Equal(1, count));
        var order = delivered.Where(r => statusTurns.Contains(r.Activity.ReplyToId!) && r.Activity.Text != Apology).Select(r => r.Activity.ReplyToId!).ToList();
        Assert.Equal(statusTurns, order);
        Assert.DoesNotContain(thread, r => r.Activity.Text == Apology);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Id.Id is 1121 or 1170); // nothing given up
        Assert.InRange(busiest, 1, PerSecond);
    }

    // Every member's contribution is confirmed: asked their department (as it is or gathered) and
    // counted on a progress card the connector took. Polls the recorded requests until then.
    private async Task<bool> SettledAsync(DateTimeOffset bound)
    {
        while (DateTimeOffset.UtcNow < bound)
        {
            var delivered = IntoThread().Where(r => r.Status is >= 200 and < 300).ToList();
            var asked = Enumerable.Range(1, Members).All(n => delivered.Any(r => r.AllText().Contains($"Member {n:00}, which department", StringComparison.Ordinal)));
            var counted = delivered.Any(r => r.AllText().Contains($"3. Purchase — {Members} touchpoints", StringComparison.Ordinal));
            if (asked && counted)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        return false;
    }

    // Posts and updates into the thread, every attempt.
    private IEnumerable<ConnectorRequest> IntoThread() =>
        _connector.Requests.Where(r => r.Method is "POST" or "PUT" && r.RawTarget.Contains("/activities", StringComparison.Ordinal)
            && r.Activity.Conversation?.Id == Thread);

    private Activity From(string id, string name, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:storm-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = name };
        return activity;
    }
}
