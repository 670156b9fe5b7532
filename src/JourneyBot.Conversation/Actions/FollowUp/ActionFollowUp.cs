using System.Globalization;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Actions.FollowUp;

/// <summary>
/// What a map's follow-up pass sends on its day: a reminder to each owner two days before their
/// action's due day and one the day after it if it is not done (in the owner's working hours, not
/// when they muted reminders), a weekly digest in the map's thread while any action is open, and a
/// question to the facilitator, once per stage, when every action of a stage is done. The host
/// sends what this decides and reports back what it sent, so that a pass run twice sends once.
/// </summary>
public sealed class ActionFollowUp(IMapStore store, IActionStore actions, IFollowUpStore followUps, TimeProvider clock)
{
    /// <summary>How often the thread gets a digest, at most.</summary>
    public static readonly TimeSpan DigestEvery = TimeSpan.FromDays(7);

    /// <summary>How many days before the due day the owner is reminded.</summary>
    public const int DaysAhead = 2;

    // A pass runs at least this often while an action is open: it notices what changed without a turn (a tracker's read-back).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>
    /// The pass for <paramref name="target"/> now: what to send, and when the next pass is due
    /// (null: no action of the map is open, or the map finished or went; the follow-up stops).
    /// </summary>
    public async Task<FollowUpPass> PassAsync(ActionsTouched target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var now = clock.GetUtcNow();
        var teamKey = target.Scope.TeamKey;
        var map = await MapAsync(target, cancellationToken);
        if (map is null || map.Status is not (MapStatus.Active or MapStatus.Published))
        {
            // Gone, archived or cancelled: its actions stay listed, read-only, and nobody is chased about them.
            return FollowUpPass.Stop;
        }

        var all = (await actions.GetActionsAsync(teamKey, map.Id, cancellationToken)).Actions;
        var state = (await followUps.GetFollowUpAsync(teamKey, map.Id, cancellationToken))?.State;
        if (state is null)
        {
            // The first pass: another one that began at the same moment may have added it first.
            state = FollowUpState.Begin(now);
            if (await followUps.TryPutFollowUpAsync(teamKey, map.Id, state, null, cancellationToken) is null)
            {
                state = (await followUps.GetFollowUpAsync(teamKey, map.Id, cancellationToken))?.State ?? state;
            }
        }

        var reminders = new List<OwnerReminder>();
        var wakes = new List<DateTimeOffset> { now + LongestWait };
        foreach (var action in all.Where(a => a.Status != ActionStatus.Done))
        {
            var owner = await OwnerAsync(teamKey, action.Owner.Id, cancellationToken);
            var today = Day(now, owner.Zone);
            var next = NextReminder(action, Day(action.CreatedAt, owner.Zone), today);
            if (next is { } due && due.Day <= today && RoundTime.IsWorkingTime(now, owner.Zone) && !owner.Muted)
            {
                // Their 1:1 chat: in their own Teams' language, else the team's (the digest stays the team's).
                using var language = Languages.MemberLanguage.Speak(owner.Language);
                reminders.Add(new OwnerReminder(action.Id, action.Owner, action.Due, due.Overdue, owner.Chat,
                    FollowUpCards.Reminder(map, action, due.Overdue)));
                next = NextReminder(Marked(action, due.Overdue), Day(action.CreatedAt, owner.Zone), today);
            }

            if (next is { } later && !owner.Muted)
            {
                wakes.Add(NextWorkingTime(Max(now, Midnight(later.Day, owner.Zone)), owner.Zone));
            }
        }

        BotMessage? digest = null;
        var open = all.Any(a => a.Status != ActionStatus.Done);
        if (open)
        {
            var zone = (await OwnerAsync(teamKey, map.Facilitator.Id, cancellationToken)).Zone;
            var digestDue = (state.DigestAt ?? state.Since) + DigestEvery;
            if (digestDue <= now && RoundTime.IsWorkingTime(now, zone))
            {
                digest = new BotMessage(Digest(map, all, Day(now, zone)), null);
                digestDue = now + DigestEvery;
            }

            wakes.Add(NextWorkingTime(Max(now, digestDue), zone));
        }

        var remaps = map.Stages
            .Where(s => !state.StagesAsked.Contains(s.Id, StringComparer.Ordinal))
            .Where(s => all.Any(a => a.StageId == s.Id) && all.Where(a => a.StageId == s.Id).All(a => a.Status == ActionStatus.Done))
            .Select(s => new RemapQuestion(s.Id, FollowUpCards.Remap(map, s)))
            .ToList();
        DateTimeOffset? nextAt = open ? FollowUpWork.NextAfter(now, wakes.Min()) : null;
        return new FollowUpPass(reminders, digest, remaps, nextAt);
    }

    /// <summary>Notes on the action that its owner was reminded of <paramref name="reminder"/>'s due day, so they are not reminded of it again.</summary>
    public async Task RemindedAsync(ActionsTouched target, OwnerReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reminder);
        for (var attempt = 0; attempt < MapTransaction.MaxAttempts; attempt++)
        {
            if (await actions.GetActionAsync(target.Scope.TeamKey, target.MapId, reminder.ActionId, cancellationToken) is not { } stored)
            {
                return;
            }

            var marked = reminder.Overdue ? stored.Action with { RemindedOverdueOf = reminder.Due } : stored.Action with { RemindedAheadOf = reminder.Due };
            if (await actions.TryReplaceActionAsync(target.Scope.TeamKey, target.MapId, stored with { Action = marked }, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException("The action kept changing while its reminder was noted; the pass is tried again.");
    }

    /// <summary>Notes that the thread got its digest now.</summary>
    public Task DigestedAsync(ActionsTouched target, CancellationToken cancellationToken) =>
        ChangeStateAsync(target, state => state with { DigestAt = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Notes that the facilitator was asked about <paramref name="stageId"/>, so they are not asked again.</summary>
    public Task AskedAsync(ActionsTouched target, string stageId, CancellationToken cancellationToken) =>
        ChangeStateAsync(target, state => state with { StagesAsked = [.. state.StagesAsked, stageId] }, cancellationToken);

    // The change on the state as stored, written at the version read; read again and re-applied when another pass wrote first.
    private async Task ChangeStateAsync(ActionsTouched target, Func<FollowUpState, FollowUpState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (var attempt = 0; attempt < MapTransaction.MaxAttempts; attempt++)
        {
            var stored = await followUps.GetFollowUpAsync(target.Scope.TeamKey, target.MapId, cancellationToken);
            var state = stored?.State ?? FollowUpState.Begin(clock.GetUtcNow());
            if (await followUps.TryPutFollowUpAsync(target.Scope.TeamKey, target.MapId, change(state), stored?.Version, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException("The map's follow-up kept changing while a pass noted what it sent; the pass is tried again.");
    }

    // The next reminder the action's owner has not had: ahead of the due day (unless the action was
    // made within those two days: its owner was just told), then the day after it.
    private static (DateOnly Day, bool Overdue)? NextReminder(OwnedAction action, DateOnly createdOn, DateOnly today)
    {
        if (action.Status == ActionStatus.Done)
        {
            return null;
        }

        var aheadDay = action.Due.AddDays(-DaysAhead);
        if (action.RemindedAheadOf != action.Due && createdOn < aheadDay && today <= action.Due)
        {
            return (aheadDay, false);
        }

        return action.RemindedOverdueOf != action.Due ? (action.Due.AddDays(1), true) : null;
    }

    private static OwnedAction Marked(OwnedAction action, bool overdue) =>
        overdue ? action with { RemindedOverdueOf = action.Due } : action with { RemindedAheadOf = action.Due };

    // "3 of 5 actions done, 1 overdue, 1 blocked", then the overdue and blocked ones by name and owner.
    private static string Digest(JourneyMap map, IReadOnlyList<OwnedAction> all, DateOnly today)
    {
        var overdue = all.Where(a => a.IsOverdue(today)).ToList();
        var blocked = all.Where(a => a.Status == ActionStatus.Blocked && !a.IsOverdue(today)).ToList();
        var lines = new List<string>
        {
            Strings.DigestTitle.Fill(("map", Markdown.Escape(map.Name))),
            Strings.DigestCounts.Fill(("done", all.Count(a => a.Status == ActionStatus.Done)), ("total", all.Count),
                ("overdue", overdue.Count), ("blocked", all.Count(a => a.Status == ActionStatus.Blocked))),
        };
        lines.AddRange(overdue.Select(a => "- " + Strings.DigestOverdue.Fill(
            ("action", Markdown.Escape(a.Text)), ("owner", Markdown.Escape(a.Owner.Name)), ("due", ShowDay(a.Due)))
            + (a.Status == ActionStatus.Blocked ? " " + Strings.DigestBlockedToo.Fill(("reason", Markdown.Escape(a.BlockedReason ?? string.Empty))) : string.Empty)));
        lines.AddRange(blocked.Select(a => "- " + Strings.DigestBlocked.Fill(
            ("action", Markdown.Escape(a.Text)), ("owner", Markdown.Escape(a.Owner.Name)), ("reason", Markdown.Escape(a.BlockedReason ?? string.Empty)))));
        return string.Join('\n', lines);
    }

    /// <summary>A due day as people read it, in the culture of the texts: "Fri 4 Dec", "vie 4 dic".</summary>
    public static string ShowDay(DateOnly day) => day.ToString("ddd d MMM", CultureInfo.CurrentCulture);

    // The map as the conversation holds it, else on the team's shelf (another map was started in its thread since).
    private async Task<JourneyMap?> MapAsync(ActionsTouched target, CancellationToken cancellationToken)
    {
        var held = (await store.GetConversationMapAsync(target.Scope, cancellationToken))?.Map;
        return held?.Id == target.MapId ? held : await store.GetShelvedMapAsync(target.Scope.TeamKey, target.MapId, cancellationToken);
    }

    // A member's zone, mute, 1:1 chat and language: from the team's row, and from their chat's own row where they may have said mute or shown their zone.
    private async Task<Owner> OwnerAsync(string teamKey, string personId, CancellationToken cancellationToken)
    {
        var row = await store.GetMemberAsync(teamKey, personId, cancellationToken);
        var personal = row?.Chat is { } chat && chat.ConversationId != teamKey
            ? await store.GetMemberAsync(chat.ConversationId, personId, cancellationToken)
            : null;
        return new Owner(RoundTime.Zone(row?.TimeZone ?? personal?.TimeZone), (row?.Muted ?? false) || (personal?.Muted ?? false), row?.Chat,
            Languages.MemberLanguage.CodeOf(row, personal));
    }

    private static DateOnly Day(DateTimeOffset moment, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    // The first moment at or after "from", on the half hour, in working hours in the zone (within two weeks).
    private static DateTimeOffset NextWorkingTime(DateTimeOffset from, TimeZoneInfo zone)
    {
        if (RoundTime.IsWorkingTime(from, zone))
        {
            return from;
        }

        var step = TimeSpan.FromMinutes(30);
        var at = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % step.Ticks), TimeSpan.Zero) + step;
        for (var i = 0; i < 14 * 48 && !RoundTime.IsWorkingTime(at, zone); i++)
        {
            at += step;
        }

        return at;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Owner(TimeZoneInfo Zone, bool Muted, PersonalChat? Chat, string? Language);
}

/// <summary>What one follow-up pass of a map sends.</summary>
/// <param name="Reminders">Reminders for owners' 1:1 chats.</param>
/// <param name="Digest">The weekly digest for the map's thread, or null.</param>
/// <param name="Remaps">Questions for the facilitator, in the map's thread: map a stage again?</param>
/// <param name="NextAt">When the next pass is due; null when none is (nothing open).</param>
public sealed record FollowUpPass(IReadOnlyList<OwnerReminder> Reminders, BotMessage? Digest, IReadOnlyList<RemapQuestion> Remaps, DateTimeOffset? NextAt)
{
    /// <summary>Nothing to send, and no next pass.</summary>
    public static FollowUpPass Stop { get; } = new([], null, [], null);
}

/// <summary>A reminder for an action's owner.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="Due">The due day reminded of (noted on the action once sent).</param>
/// <param name="Overdue">Whether it is the reminder after the due day (else the one ahead of it).</param>
/// <param name="Chat">The owner's 1:1 chat with the bot, when the team's row of them knows it.</param>
/// <param name="Card">What it says.</param>
public sealed record OwnerReminder(string ActionId, Person Owner, DateOnly Due, bool Overdue, PersonalChat? Chat, AdaptiveCard Card);

/// <summary>The question to the facilitator whether to map a stage again, every action of it being done.</summary>
/// <param name="StageId">The stage.</param>
/// <param name="Card">The question, with the button that opens a round for the stage.</param>
public sealed record RemapQuestion(string StageId, AdaptiveCard Card);
