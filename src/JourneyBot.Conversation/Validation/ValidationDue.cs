using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// What a validation round does by itself when its moments come: one reminder to each member asked
/// who has not answered, and at the deadline the round closes and the facilitator gets its summary
/// in their 1:1 chat. The host sends what this decides.
/// </summary>
/// <remarks>
/// A round closed early (the map's next round), a map deleted (its rounds go with it) or a round
/// without a deadline leaves its scheduled work doing nothing. Reminders are done at least once: a
/// host that stops between sending one and marking the work done may send it again (nothing is
/// written on the member's ask, which their own answers change).
/// </remarks>
public sealed class ValidationDue(IMapStore store, IValidationStore validations, TimeProvider clock)
{
    /// <summary>
    /// The reminder due to <paramref name="memberId"/>, or null when none is: the round closed or
    /// is gone, they answered at least one item, or they muted reminders in the team.
    /// </summary>
    public async Task<ValidationReminder?> ReminderAsync(RoundKey key, string memberId, string? zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var round = await validations.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        if (round is not { State: ValidationState.Open, Deadline: { } deadline, ServiceUrl: { } serviceUrl } || deadline <= clock.GetUtcNow())
        {
            return null;
        }

        var ask = await validations.GetAskAsync(key.TeamKey, key.MapId, key.Number, memberId, cancellationToken);
        var row = ask is { Answers.Count: 0 } ? await store.GetMemberAsync(key.TeamKey, memberId, cancellationToken) : null;
        if (ask is not { Answers.Count: 0 } || row is { Muted: true }
            || await ReadMapAsync(store, key.TeamKey, key.MapId, cancellationToken) is not { } map)
        {
            return null;
        }

        // In their own Teams' language, as their questions were.
        using var language = Languages.MemberLanguage.Speak(row?.Language);
        var due = RoundTime.Show(deadline, clock.GetUtcNow(), RoundTime.Zone(zone, round.TimeZone));
        return new ValidationReminder(ask, serviceUrl, round.TenantId, Strings.ValidateReminderText.Fill(("map", Markdown.Escape(map.Name)), ("due", due)));
    }

    /// <summary>Whether <paramref name="memberId"/> muted reminders in their 1:1 chat <paramref name="chatId"/> (a chat is its own team).</summary>
    public async Task<bool> MutedInChatAsync(string chatId, string memberId, CancellationToken cancellationToken) =>
        await store.GetMemberAsync(chatId, memberId, cancellationToken) is { Muted: true };

    /// <summary>
    /// The round at its deadline: its summary for the facilitator. Null when it was closed already
    /// (early, or the deadline came twice) or is gone; a round whose map is gone is closed quietly.
    /// The host sends the summary, then calls <see cref="ClosedAsync"/>: a host stopped in between
    /// sends it once more. Answers pressed after the deadline are refused (<see cref="ValidationRound.Deadline"/>),
    /// so none lands after the summary was counted.
    /// </summary>
    public async Task<ValidationClosing?> CloseAsync(RoundKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var round = await validations.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        if (round is not { State: ValidationState.Open, Deadline: not null })
        {
            return null;
        }

        if (await ReadMapAsync(store, key.TeamKey, key.MapId, cancellationToken) is not { } map || round.ServiceUrl is null)
        {
            await ClosedAsync(key, cancellationToken);
            return null;
        }

        var asks = await validations.ListAsksAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        var board = await store.GetBoardAsync(key.TeamKey, key.MapId, cancellationToken);
        var items = round.ItemIds.Select(id => board.Items.FirstOrDefault(i => i.Id == id)).OfType<MapItem>().ToList();
        var facilitator = new RoundAsk { Member = round.Facilitator, TeamsId = round.FacilitatorTeamsId };
        // The summary goes to the facilitator's 1:1 chat: in their own Teams' language.
        var row = await store.GetMemberAsync(key.TeamKey, round.Facilitator.Id, cancellationToken);
        using var language = Languages.MemberLanguage.Speak(row?.Language);
        return new ValidationClosing(facilitator, round.ServiceUrl, round.TenantId, ValidationCards.Summary(map, round, items, asks));
    }

    /// <summary>Marks the round closed (if still open): its deadline is done.</summary>
    public async Task ClosedAsync(RoundKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await validations.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken) is { State: ValidationState.Open } round)
        {
            await validations.PutAsync(key.TeamKey, round with { State = ValidationState.Closed }, cancellationToken);
        }
    }

    /// <summary>The map as it is now (held in its conversation, else on the shelf); null when it is gone.</summary>
    internal static async Task<JourneyMap?> ReadMapAsync(IMapStore store, string teamKey, string mapId, CancellationToken cancellationToken)
    {
        if (await store.GetMapSummaryAsync(teamKey, mapId, cancellationToken) is not { } summary)
        {
            return null;
        }

        var held = await store.GetLatestConversationMapAsync(new MapScope(teamKey, summary.ConversationKey), cancellationToken);
        return held?.Map.Id == mapId ? held.Map : await store.GetShelvedMapAsync(teamKey, mapId, cancellationToken);
    }
}

/// <summary>A validation reminder to send into the member's 1:1 chat.</summary>
/// <param name="Ask">The member reminded.</param>
/// <param name="ServiceUrl">The service the team is on.</param>
/// <param name="TenantId">The tenant, to start their chat if needed.</param>
/// <param name="Text">What it says.</param>
public sealed record ValidationReminder(ValidationAsk Ask, string ServiceUrl, string? TenantId, string Text);

/// <summary>A validation round closed at its deadline: the summary card for the facilitator's 1:1 chat.</summary>
/// <param name="Facilitator">Who gets it, as their chat is reached.</param>
/// <param name="ServiceUrl">The service the team is on.</param>
/// <param name="TenantId">The tenant, to start their chat if needed.</param>
/// <param name="Card">The summary.</param>
public sealed record ValidationClosing(RoundAsk Facilitator, string ServiceUrl, string? TenantId, AdaptiveCard Card);
