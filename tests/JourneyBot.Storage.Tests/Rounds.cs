using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Storage.Tests;

/// <summary>Rounds and asks for the tests: one with every field set, and one with only what is required.</summary>
internal static class Rounds
{
    private static readonly DateTimeOffset Sent = new(2025, 3, 3, 9, 30, 0, TimeSpan.FromHours(2));

    /// <summary>Every optional field set, to non-default values.</summary>
    public static Round Full(string mapId, int number) => new()
    {
        MapId = mapId,
        Number = number,
        ConversationKey = "19:abc@thread.tacv2;messageid=1740000000000",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        Facilitator = new Person("29:1facilitator", "Frän Ωμέγα"),
        Routing = new Dictionary<string, IReadOnlyList<string>>
        {
            ["s1"] = ["Marketing", "Product"],
            ["s2"] = [],
            ["στάδιο 3"] = ["Служба підтримки", "Sales"],
        },
        Deadline = Sent.AddDays(3).AddHours(7.5),
        TimeZone = "Europe/Bucharest",
        Anonymous = true,
        ReviewAtDeadline = true,
        State = RoundState.Closed,
        SentAt = Sent,
    };

    /// <summary>Only what is required: every optional field at its default.</summary>
    public static Round Bare(string mapId, int number) => new()
    {
        MapId = mapId,
        Number = number,
        ConversationKey = "19:general@thread.tacv2",
        Facilitator = new Person("29:1facilitator", "Fran"),
        Routing = new Dictionary<string, IReadOnlyList<string>>(),
        Deadline = Sent.AddDays(1),
    };

    /// <summary>Every optional field of an ask set, to non-default values.</summary>
    public static RoundAsk FullAsk(string memberId) => new()
    {
        Member = new Person(memberId, "Ana 😀 Pérez"),
        TeamsId = "29:1AbC-dEf_GhI=",
        Department = "Customer Service",
        StageIds = ["s1", "στάδιο 3"],
        State = AskState.Suggested,
        Added = 3,
        ReminderAt = Sent.AddHours(30),
        RemindedAt = Sent.AddDays(2),
        TimeZone = "America/New_York",
        Suggested = new Person("29:1bob", "Bob"),
        ChatId = "a:1Bx=",
        CardActivityId = "1740000000001",
    };

    /// <summary>Only what is required.</summary>
    public static RoundAsk Ask(string memberId, AskState state = AskState.Asked) => new()
    {
        Member = new Person(memberId, "Member " + memberId),
        State = state,
    };

    /// <summary>Asks of <paramref name="count"/> members, ids <c>29:m000</c>, <c>29:m001</c> …</summary>
    public static List<RoundAsk> Asks(int count, string prefix = "29:m") =>
        [.. Enumerable.Range(0, count).Select(i => Ask($"{prefix}{i:D3}"))];

    public static string NewMapId() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Runs <paramref name="count"/> calls on thread pool threads released together, so even a synchronous store meets real concurrency.</summary>
    public static async Task<T[]> ConcurrentlyAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    /// <summary>Every field of <paramref name="actual"/> equals <paramref name="expected"/>'s (records compare lists by reference).</summary>
    public static void Same(Round expected, Round? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.MapId, actual.MapId);
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.ConversationKey, actual.ConversationKey);
        Assert.Equal(expected.ServiceUrl, actual.ServiceUrl);
        Assert.Equal(expected.TenantId, actual.TenantId);
        Assert.Equal(expected.Facilitator, actual.Facilitator);
        Assert.Equal(
            expected.Routing.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, string.Join('|', r.Value))),
            actual.Routing.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, string.Join('|', r.Value))));
        Assert.Equal(expected.Deadline, actual.Deadline);
        Assert.Equal(expected.Deadline.Offset, actual.Deadline.Offset);
        Assert.Equal(expected.TimeZone, actual.TimeZone);
        Assert.Equal(expected.Anonymous, actual.Anonymous);
        Assert.Equal(expected.ReviewAtDeadline, actual.ReviewAtDeadline);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.SentAt, actual.SentAt);
    }

    /// <summary>Every field of <paramref name="actual"/> equals <paramref name="expected"/>'s.</summary>
    public static void Same(RoundAsk expected, RoundAsk? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Member, actual.Member);
        Assert.Equal(expected.TeamsId, actual.TeamsId);
        Assert.Equal(expected.Department, actual.Department);
        Assert.Equal(expected.StageIds, actual.StageIds);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Added, actual.Added);
        Assert.Equal(expected.ReminderAt, actual.ReminderAt);
        Assert.Equal(expected.RemindedAt, actual.RemindedAt);
        Assert.Equal(expected.TimeZone, actual.TimeZone);
        Assert.Equal(expected.Suggested, actual.Suggested);
        Assert.Equal(expected.ChatId, actual.ChatId);
        Assert.Equal(expected.CardActivityId, actual.CardActivityId);
    }
}
