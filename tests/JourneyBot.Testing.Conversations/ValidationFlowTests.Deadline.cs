using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Validation;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// A validation round's deadline and reminders, with the session's clock: Alex (Bucharest time, UTC+2)
/// sends the questions on Wednesday 25 November 2026 at 11:00 his time with the three days the card
/// offers, so the round closes on Saturday at 17:00 his time (15:00 UTC) and whoever has not answered
/// is reminded on Friday at 16:30, the last half hour of their working day before it.
/// </summary>
public abstract partial class ValidationFlowTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReminderTime = new(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Send_sets_a_deadline_three_days_on_and_reminds_only_who_has_not_answered_then_the_facilitator_gets_the_summary()
    {
        await using var session = await VotedAsync();
        var setup = Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!;
        Assert.Equal("3", Input(setup, ValidationCards.DaysInput).Value);
        var sent = await session.PressAsync(Alex, "Send questions", null, setup, InChannel);
        var (due, key) = (session.Services.GetRequiredService<ValidationDue>(), new RoundKey(session.Scope.TeamKey, (await session.MapAsync()).Id, 1));

        Assert.Contains("Answers close **Sat 17:00** (your time).", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(Deadline, (await session.Services.GetRequiredService<IValidationStore>().GetLatestAsync(key.TeamKey, key.MapId, Ct))!.Deadline);
        Assert.Equal([new ValidationTimer(key, null, Deadline, null)], session.ValidationTimers.Deadlines);
        Assert.Equal([Adele.Id, Isaiah.Id, Patti.Id], session.ValidationTimers.Reminders.Select(r => r.MemberId));
        Assert.All(session.ValidationTimers.Reminders, r => Assert.Equal(ReminderTime, r.At));

        // Isaiah answers; Patti mutes reminders; Adele says nothing.
        await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.0"] = "told", ["verdict.1"] = "untrue" }, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        await session.SayAsync(Patti, "mute");
        session.Clock.MoveTo(ReminderTime);

        var adele = await due.ReminderAsync(key, Adele.Id, null, Ct);
        Assert.Equal("A reminder: the validation questions about “Shoe journey” close **Sat 17:00** (your time). They are in the card above; *mute* stops reminders.",
            adele!.Text);
        Assert.Equal((Adele, "29:adele", RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant), (adele.Ask.Member, adele.Ask.TeamsId, adele.ServiceUrl, adele.TenantId));
        Assert.Null(await due.ReminderAsync(key, Isaiah.Id, null, Ct));
        Assert.Null(await due.ReminderAsync(key, Patti.Id, null, Ct));

        // At the deadline: an answer pressed now is refused politely, and the summary counts what came before.
        session.Clock.MoveTo(Deadline);
        var late = await session.PressAsync(Adele, "Send answers", new() { ["verdict.0"] = "seen" }, Direct(sent, Adele).Card, InChat("a:adele"));
        Assert.Contains("This validation round closed at its deadline, so I changed nothing.", CardText.Of(late.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(Evidence.Reported, Item(await session.BoardAsync(), "Delivery costs show late").Evidence);
        var closing = await due.CloseAsync(key, Ct);
        Assert.Equal((Alex, "29:alex", RoundFlowTests.ServiceUrl), (closing!.Facilitator.Member, closing.Facilitator.TeamsId, closing.ServiceUrl));
        var summary = CardText.Of(closing.Card);
        Assert.Contains("Shoe journey · validation results", summary, StringComparison.Ordinal);
        Assert.Contains("Validation round 1 closed at its deadline: 1 of 3 people answered.", summary, StringComparison.Ordinal);
        Assert.Contains("Seen it: 0 · Customers tell us: 1 · Not true: 0 · Don't know: 0", summary, StringComparison.Ordinal);
        Assert.Contains("Seen it: 0 · Customers tell us: 0 · Not true: 1 · Don't know: 0", summary, StringComparison.Ordinal);
        Assert.Contains("Did not answer: Adele Vance, Patti Fernandez.", summary, StringComparison.Ordinal);
        Assert.True(summary.IndexOf("Delivery costs show late", StringComparison.Ordinal) < summary.IndexOf("Customers tell us: 1", StringComparison.Ordinal));

        await due.ClosedAsync(key, Ct);
        Assert.Null(await due.CloseAsync(key, Ct));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("three")]
    [InlineData("2.5")]
    public async Task Days_to_answer_that_are_not_1_to_30_come_back_on_the_card_and_nothing_is_sent(string days)
    {
        await using var session = await VotedAsync();
        var setup = Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!;

        var refused = await session.PressAsync(Alex, "Send questions", new() { [ValidationCards.DaysInput] = days }, setup, InChannel);

        Assert.Empty(refused.Direct);
        Assert.Contains("⚠ The days to answer are a whole number from 1 to 30.", CardText.Of(refused.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(days, Input(refused.CardUpdate!, ValidationCards.DaysInput).Value);
        Assert.Null(await session.Services.GetRequiredService<IValidationStore>().GetLatestAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, Ct));
        Assert.Empty(session.ValidationTimers.Deadlines);
    }

    [Fact]
    public async Task A_one_day_round_closes_the_next_day_and_reminds_half_way_within_working_hours()
    {
        await using var session = await VotedAsync();
        var setup = Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!;

        var sent = await session.PressAsync(Alex, "Send questions", new() { [ValidationCards.DaysInput] = " 1 " }, setup, InChannel);

        // Sent Wednesday 11:00 Bucharest, closing Thursday 17:00 (30 hours): half-way is Thursday 04:00, outside working hours,
        // so the reminder moves back to Wednesday 16:30, the last working half hour before it.
        Assert.Contains("Answers close **Thu 17:00** (your time).", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), Assert.Single(session.ValidationTimers.Deadlines).At);
        // (To the minute: the session's clock ticks a second per reading, and half-way carries the seconds of the send.)
        Assert.All(session.ValidationTimers.Reminders, r => Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(r.At.UtcTicks - (r.At.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_round_closed_early_a_deleted_map_and_a_round_stored_without_deadline_leave_the_schedule_doing_nothing()
    {
        await using var session = await VotedAsync();
        await SendAsync(session);
        var second = await SendAsync(session);
        var due = session.Services.GetRequiredService<ValidationDue>();
        var store = session.Services.GetRequiredService<IValidationStore>();
        var (team, mapId) = (session.Scope.TeamKey, (await session.MapAsync()).Id);
        var (first, latest) = (new RoundKey(team, mapId, 1), new RoundKey(team, mapId, 2));

        // Round 1 was closed by round 2: its reminder and deadline do nothing.
        Assert.Null(await due.ReminderAsync(first, Adele.Id, null, Ct));
        Assert.Null(await due.CloseAsync(first, Ct));

        // A round stored before deadlines existed reads with none: no reminder, no summary, answers still taken.
        var round2 = (await store.GetAsync(team, mapId, 2, Ct))!;
        await store.PutAsync(team, round2 with { Deadline = null }, Ct);
        session.Clock.MoveTo(Deadline + TimeSpan.FromDays(1));
        Assert.Null(await due.ReminderAsync(latest, Adele.Id, null, Ct));
        Assert.Null(await due.CloseAsync(latest, Ct));
        var answered = await session.PressAsync(Adele, "Send answers", new() { ["verdict.0"] = "seen" }, Direct(second, Adele).Card, InChat("a:adele"));
        Assert.Contains("✔ Thanks, Adele Vance: 1 answer kept.", CardText.Of(answered.CardUpdate!), StringComparison.Ordinal);

        // The map deleted: its rounds are gone, and so is anything their timers would do.
        await store.PutAsync(team, round2, Ct);
        await session.Services.GetRequiredService<MapDeletion>().DeleteAsync(team, mapId, Ct);
        Assert.Null(await due.ReminderAsync(latest, Isaiah.Id, null, Ct));
        Assert.Null(await due.CloseAsync(latest, Ct));
    }
}
