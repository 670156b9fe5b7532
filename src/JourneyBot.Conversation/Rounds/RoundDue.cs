using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// What a round does by itself when its moments come: one reminder to a member who has not
/// answered, and at the deadline one summary in the channel thread (and the review, if the
/// facilitator chose it). The host sends what this decides and reports back what it sent.
/// </summary>
public sealed class RoundDue(IMapStore store, IRoundStore rounds, TimeProvider clock)
{
    /// <summary>
    /// The reminder due to <paramref name="memberId"/> at <paramref name="at"/>, or null when none
    /// is: the round closed, they answered or said nothing to add, muted reminders, were reminded
    /// already, asked for it at another time, or have no chat yet.
    /// </summary>
    public async Task<RoundReminder?> ReminderAsync(RoundKey key, string memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var round = await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        if (round is not { State: RoundState.Open } || round.ServiceUrl is null)
        {
            return null;
        }

        var ask = await rounds.GetAskAsync(key.TeamKey, key.MapId, key.Number, memberId, cancellationToken);
        if (ask is not { IsWaiting: true, RemindedAt: null, ChatId: { } chatId } || ask.ReminderAt != at)
        {
            return null;
        }

        // Muted in the team or in their 1:1 chat with the bot (a chat is its own team): either way, no reminder.
        var row = await store.GetMemberAsync(key.TeamKey, memberId, cancellationToken);
        var personal = row is { Muted: true } ? null : await store.GetMemberAsync(chatId, memberId, cancellationToken);
        if (row is { Muted: true } || personal is { Muted: true })
        {
            return null;
        }

        // A map finished (published, archived, cancelled) or past its contributions takes no more answers: no reminder.
        var map = (await store.GetConversationMapAsync(new MapScope(key.TeamKey, round.ConversationKey), cancellationToken))?.Map;
        if (map is null || map.Id != key.MapId || map.Status != MapStatus.Active || !MapFlow.IsOpenForContributions(map.Step))
        {
            return null;
        }

        // In their own Teams' language, as their question was (the rows read above remember it).
        using var language = Languages.MemberLanguage.Speak(Languages.MemberLanguage.CodeOf(row, personal));
        var due = RoundTime.Show(round.Deadline, clock.GetUtcNow(), RoundTime.Zone(ask.TimeZone, round.TimeZone));
        return new RoundReminder(ask, round.ServiceUrl, chatId, Strings.ReminderText.Fill(("map", map.Name), ("due", due)));
    }

    /// <summary>Notes that <paramref name="memberId"/> was reminded, so they are not reminded again.</summary>
    public async Task RemindedAsync(RoundKey key, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Changed as stored now: an answer the member gives while the reminder goes out is kept.
        await rounds.UpdateAskAsync(key.TeamKey, key.MapId, key.Number, memberId, ask => ask with { RemindedAt = clock.GetUtcNow() }, cancellationToken);
    }

    /// <summary>
    /// The round at its deadline: the summary to post in the map's thread, with the map moved to
    /// the review when the facilitator chose it. Null when the round is closed already (the
    /// deadline came twice), gone, or its map finished (then it is closed quietly). The host posts
    /// the summary, then calls <see cref="ClosedAsync"/>: a host stopped in between posts it once more.
    /// </summary>
    public async Task<RoundClosing?> CloseAsync(RoundKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var round = await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        if (round is not { State: RoundState.Open })
        {
            return null;
        }

        var asks = await rounds.ListAsksAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        var scope = new MapScope(key.TeamKey, round.ConversationKey);
        var stored = await store.GetConversationMapAsync(scope, cancellationToken);
        if (stored is not { Map: var map } || map.Id != key.MapId || map.Status != MapStatus.Active || round.ServiceUrl is null)
        {
            // Finished or gone meanwhile: the round closes quietly.
            await ClosedAsync(key, cancellationToken);
            return null;
        }

        var summary = Summary(map, round, asks);
        AdaptiveCard? review = null;
        if (round.ReviewAtDeadline && map.Step == MapStep.Contribute)
        {
            review = await MoveToReviewAsync(scope, stored, cancellationToken);
            summary += "\n\n" + (review is null ? string.Empty : Strings.RoundSummaryToReview);
        }
        else
        {
            summary += "\n\n" + Strings.RoundSummaryAskAgain;
        }

        return new RoundClosing(scope, round.ServiceUrl, new BotMessage(summary.TrimEnd(), review) { Summary = null });
    }

    /// <summary>
    /// Closes the open rounds of a team's maps at once, without a summary: the bot was removed from
    /// the team, so nothing can be posted there and nobody should be reminded.
    /// </summary>
    public async Task StopAllAsync(string teamKey, CancellationToken cancellationToken)
    {
        foreach (var summary in await store.ListMapsAsync(teamKey, cancellationToken))
        {
            var map = (await store.GetConversationMapAsync(new MapScope(teamKey, summary.ConversationKey), cancellationToken))?.Map;
            if (map is { LatestRound: > 0 } && map.Id == summary.Id)
            {
                await ClosedAsync(new RoundKey(teamKey, map.Id, map.LatestRound), cancellationToken);
            }
        }
    }

    /// <summary>Marks the round closed: answers are no longer taken, and its deadline is done.</summary>
    public async Task ClosedAsync(RoundKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken) is { State: RoundState.Open } round)
        {
            await rounds.PutAsync(key.TeamKey, round with { State = RoundState.Closed }, cancellationToken);
        }
    }

    // Per department: who answered (with how many items), who had nothing to add, who did not answer, who could not be reached.
    private static string Summary(JourneyMap map, Round round, IReadOnlyList<RoundAsk> asks)
    {
        var lines = new List<string> { Strings.RoundSummaryTitle.Fill(("map", Markdown.Escape(map.Name)), ("number", round.Number)) };
        foreach (var department in asks.GroupBy(a => a.Department?.ToUpperInvariant() ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = department.First().Department ?? Strings.DepartmentNotGiven;
            string Names(IEnumerable<RoundAsk> who) => Markdown.Escape(Texts.List(who.Select(a => a.Member.Name)));
            var parts = new List<string>();
            if (round.Anonymous)
            {
                // Who answered, with how many items, would say who wrote what: numbers only.
                lines.Add($"- **{Markdown.Escape(name)}**: " + Strings.RoundSummaryAnonymousCounts.Fill(
                    ("answered", department.Count(a => a.State == AskState.Answered)),
                    ("nothing", department.Count(a => a.State is AskState.NothingToAdd or AskState.Suggested)),
                    ("waiting", department.Count(a => a.IsWaiting || a.State is AskState.CannotReach or AskState.Left))));
                continue;
            }

            var answered = department.Where(a => a.State == AskState.Answered).ToList();
            if (answered.Count > 0)
            {
                parts.Add(Strings.RoundSummaryAnswered.Fill(("names", Names(answered)), ("count", answered.Sum(a => a.Added))));
            }

            Add(parts, department.Where(a => a.State == AskState.NothingToAdd), names => Strings.RoundSummaryNothing.Fill(("names", names)));
            Add(parts, department.Where(a => a.State == AskState.Suggested), names => Strings.RoundSummarySuggested.Fill(("names", names)));
            Add(parts, department.Where(a => a.IsWaiting), names => Strings.RoundSummaryWaiting.Fill(("names", names)));
            Add(parts, department.Where(a => a.State is AskState.CannotReach or AskState.Left), names => Strings.RoundSummaryUnreachable.Fill(("names", names)));
            lines.Add($"- **{Markdown.Escape(name)}**: {string.Join("; ", parts)}");

            void Add(List<string> into, IEnumerable<RoundAsk> who, Func<string, string> text)
            {
                var list = who.ToList();
                if (list.Count > 0)
                {
                    into.Add(text(Names(list)));
                }
            }
        }

        return string.Join("\n", lines);
    }

    private async Task<AdaptiveCard?> MoveToReviewAsync(MapScope scope, StoredMap stored, CancellationToken cancellationToken)
    {
        for (var (current, attempt) = (stored, 0); attempt < MapTransaction.MaxAttempts; attempt++)
        {
            if (current.Map.Step != MapStep.Contribute)
            {
                return null;
            }

            current.Map.Step = MapStep.Review;
            if (await store.TrySaveAsync(scope, current, cancellationToken) is not null)
            {
                var board = await store.GetBoardAsync(scope.TeamKey, current.Map.Id, cancellationToken);
                return ReviewCard.For(current.Map, board);
            }

            if (await store.GetLatestConversationMapAsync(scope, cancellationToken) is not { } latest)
            {
                return null;
            }

            current = latest;
        }

        return null;
    }
}

/// <summary>A reminder to send.</summary>
/// <param name="Ask">The member reminded.</param>
/// <param name="ServiceUrl">The service their chat is on.</param>
/// <param name="ChatId">Their 1:1 chat with the bot.</param>
/// <param name="Text">What it says.</param>
public sealed record RoundReminder(RoundAsk Ask, string ServiceUrl, string ChatId, string Text);

/// <summary>A round closed at its deadline: the one post for the map's thread.</summary>
/// <param name="Scope">The map's team and conversation.</param>
/// <param name="ServiceUrl">The service the conversation is on.</param>
/// <param name="Post">The summary (with the review card, when the session moved to it).</param>
public sealed record RoundClosing(MapScope Scope, string ServiceUrl, BotMessage Post);
