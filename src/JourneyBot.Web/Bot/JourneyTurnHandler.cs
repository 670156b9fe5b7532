using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;
using JourneyBot.Web.Sending;

namespace JourneyBot.Web.Bot;

/// <summary>
/// Connects Teams to the mapping conversation: messages, card submits (Action.Submit) and
/// Universal Actions (Action.Execute) go in; messages, card updates and invoke answers come out.
/// A turn is answered once its outcome is stored; its messages follow from the conversation's outbox.
/// </summary>
internal sealed class JourneyTurnHandler(
    JourneyConversation conversation, ProgressCardUpdates progress, Acknowledgements acknowledgements, CardUpdates cardUpdates,
    Rounds.DirectDelivery questions, Conversation.Lifecycle.TeamSessions sessions, Actions.OwnerDelivery owners,
    FollowUp.FollowUpSchedule followUps, StillTrue.ReviewSchedule reviews, Conversation.Languages.TeamLanguages languages,
    ILogger<JourneyTurnHandler> logger)
    : ITurnHandler
{
    private const string AdaptiveCardAction = "adaptiveCard/action";

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
        ActivityTypes.Invoke when turn.Activity.Name == AdaptiveCardAction => OnCardActionAsync(turn, cancellationToken),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn),
        _ => Task.CompletedTask,
    };

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var submit = ActivityReader.FromMessageValue(turn.Activity.Value);
        if (submit is null && turn.Activity.Value is not null && string.IsNullOrWhiteSpace(turn.Text))
        {
            // A card that is not one of ours, or no longer is.
            // No storage read for it: the team's language as this instance keeps it, else the member's.
            var outdated = TurnLanguage.Say(TurnLanguage.Kept(languages, turn.Activity), () => Texts.OutdatedCard);
            turn.SendAfterAnswer(token => turn.ReplyAsync(outdated, token));
            return;
        }

        var userTurn = ActivityReader.ToUserTurn(turn, submit);
        var outcome = await conversation.HandleAsync(userTurn, cancellationToken);
        if (outcome.Ignored)
        {
            // Members talking to each other (Teams delivers it under resource-specific consent): nothing to send, now or later.
            return;
        }

        // Action.Submit cannot answer with a card: put the new card in place of the pressed one.
        string? pressedCardId = null;
        if (submit is not null && outcome.CardUpdate is { } card && turn.Activity.ReplyToId is { Length: > 0 } cardId)
        {
            cardUpdates.Offer(turn, cardId, CardActivity(card));
            pressedCardId = cardId;
        }

        progress.Posted(userTurn.Scope, typed: submit is null, outcome.Messages.Count(m => !m.Aside));
        turn.SendAfterAnswer(token => SendThenFollowUpAsync(turn, userTurn, outcome, async () =>
        {
            if (pressedCardId is not null)
            {
                await cardUpdates.SendNewestAsync(turn, pressedCardId, token);
            }

            await SendAsync(turn, outcome.Messages, token);
        }, token), Foldable(outcome, outcome.Messages) ? () => Fold(turn, userTurn, outcome, outcome.Messages, pressedCardId) : null);
    }

    // A turn whose sends are only confirmations (or none) and the pressed card's update can be
    // folded into others' when its conversation's outbox is full; answers to commands, refusals,
    // cards of their own and a new progress card cannot; nor can a change of actions, whose
    // follow-up must be scheduled (a storage write, which folding does not wait for).
    private static bool Foldable(TurnOutcome outcome, IReadOnlyList<BotMessage> messages) =>
        outcome.NewProgressCard is null && outcome.ActionsTouched is null && outcome.ReviewScheduled is null && messages.All(m => m.Summary is not null);

    // Instead of queuing the turn's sends behind a full outbox: its confirmations join the gathered
    // ones, the pressed card's newest content goes out once with other presses', and what follows
    // that sends nothing itself runs as usual. Nothing the member did goes unconfirmed.
    private void Fold(TurnContext turn, UserTurn userTurn, TurnOutcome outcome, IReadOnlyList<BotMessage> messages, string? pressedCardId)
    {
        if (pressedCardId is not null)
        {
            cardUpdates.SendNewestLater(turn, pressedCardId);
        }

        acknowledgements.Gather(turn, messages, ReplyTarget(turn));
        FollowUpQuietly(turn, userTurn, outcome);
    }

    // The turn's sends, then the progress card: posted when contributions open, then updated in
    // place, coalesced. What follows the sends runs even when one failed (the outbox logs that and
    // apologises): an owner's card, a round's questions and the follow-up schedule are not the
    // connector's to lose.
    private async Task SendThenFollowUpAsync(TurnContext turn, UserTurn userTurn, TurnOutcome outcome, Func<Task> sends, CancellationToken cancellationToken)
    {
        try
        {
            await sends();
            if (outcome.NewProgressCard is { } post)
            {
                var sent = await turn.ReplyToAsync(ReplyTarget(turn), CardActivity(post.Card), cancellationToken);
                if (sent.Id is { Length: > 0 } id)
                {
                    progress.CardPosted(userTurn.Scope);
                    await conversation.RememberProgressCardAsync(userTurn.Scope, post.MapId, id, cancellationToken);
                }
            }
        }
        finally
        {
            FollowUpQuietly(turn, userTurn, outcome);

            // A map whose actions changed: its follow-up pass (reminders, digest, re-map question) is kept on the schedule.
            await followUps.KeepAsync(outcome.ActionsTouched, cancellationToken);

            // A map whose review was set: its first "Still true?" pass goes on the schedule.
            await reviews.KeepAsync(outcome.ReviewScheduled, cancellationToken);
        }
    }

    // What follows a turn without sending into its conversation now: coalesced card updates, other conversations.
    private void FollowUpQuietly(TurnContext turn, UserTurn userTurn, TurnOutcome outcome)
    {
        if (outcome.ProgressChanged)
        {
            progress.Schedule(turn, userTurn.Scope);
        }

        if (outcome.ProgressIn is { } elsewhere)
        {
            // A member answered in their 1:1 chat: the team thread's card shows it.
            progress.ScheduleElsewhere(elsewhere);
        }

        // A round's questions go to each member's 1:1 chat, in the background: the thread waits for none of them.
        var channel = userTurn.ServiceUrl is { } serviceUrl ? new ProgressElsewhere(userTurn.Scope, serviceUrl) : null;
        questions.Enqueue(outcome.Direct, turn.Activity.Recipient, channel);

        // Owners of actions made or moved by the turn get the action's card in their 1:1 chat, in the background too.
        owners.Enqueue(outcome.OwnerNotices, turn.Activity.Recipient);

    }

    private async Task OnCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var submit = ActivityReader.FromInvokeValue(turn.Activity.Value);
        if (submit is null)
        {
            var outdated = TurnLanguage.Say(TurnLanguage.Kept(languages, turn.Activity), () => Texts.OutdatedCard);
            turn.InvokeResponse = InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Message(outdated));
            return;
        }

        var userTurn = ActivityReader.ToUserTurn(turn, submit);
        var outcome = await conversation.HandleAsync(userTurn, cancellationToken);
        var messages = outcome.Messages;
        if (outcome.CardUpdate is { } card)
        {
            turn.InvokeResponse = InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Card(card.ToJson()));
        }
        else if (outcome.Messages is [{ Card: null, Text: { } only }])
        {
            // A lone text answer (a refusal, a confirmation) is shown to the member who pressed, not posted to all.
            turn.InvokeResponse = InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Message(only));
            messages = [];
        }
        else
        {
            // In the language the turn was answered in (the team's as just read, else the presser's).
            turn.InvokeResponse = InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Message(
                TurnLanguage.Say(TurnLanguage.Kept(languages, turn.Activity), () => Texts.Done)));
        }

        progress.Posted(userTurn.Scope, typed: false, messages.Count(m => !m.Aside));
        turn.SendAfterAnswer(token => SendThenFollowUpAsync(turn, userTurn, outcome, () => SendAsync(turn, messages, token), token), Foldable(outcome, messages) ? () => Fold(turn, userTurn, outcome, messages, pressedCardId: null) : null);
    }

    // Messages answer the member's message; after a card button (an invoke), they answer the card's message.
    private static string? ReplyTarget(TurnContext turn) =>
        turn.Activity.Type == ActivityTypes.Invoke ? turn.Activity.ReplyToId : turn.Activity.Id;

    // Confirmations that many members may cause at once are gathered; the rest go out as they are.
    private async Task SendAsync(TurnContext turn, IReadOnlyList<BotMessage> messages, CancellationToken cancellationToken)
    {
        var replyTo = ReplyTarget(turn);
        var gatherable = messages.Where(m => m.Summary is not null).ToList();
        if (gatherable.Count > 0)
        {
            await acknowledgements.ConfirmAsync(turn, gatherable, replyTo, cancellationToken);
        }

        foreach (var message in messages.Where(m => m.Summary is null))
        {
            await turn.ReplyToAsync(replyTo, ToActivity(message), cancellationToken);
        }
    }

    /// <summary>A message as an activity: its text, its card, or both.</summary>
    internal static Activity ToActivity(BotMessage message)
    {
        var activity = message.Card is { } card ? CardActivity(card) : new Activity { Type = ActivityTypes.Message };
        activity.Text = message.Text;
        return activity;
    }

    /// <summary>A message that is just <paramref name="card"/>, to post or to put in place of another.</summary>
    internal static Activity CardActivity(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(card.ToJson())],
    };

    // Teams announces an install twice: installationUpdate (add) and conversationUpdate with the bot
    // among membersAdded. Teams greets on the first only, so a new team sees one welcome, not two.
    // Removed from a team or chat, the bot closes its sessions there (see TeamSessions): it could
    // post nothing more, and nobody should be reminded.
    private Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Action switch
    {
        "add" => WelcomeAsync(turn),
        "remove" => CloseSessionsAsync(ActivityReader.ScopeOf(turn.Activity).TeamKey, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task CloseSessionsAsync(string teamKey, CancellationToken cancellationToken)
    {
        var archived = await sessions.CloseAllAsync(teamKey, cancellationToken);
        WebLog.LogTeamSessionsClosed(logger, archived);
    }

    // Channels without installationUpdate (Web Chat, Direct Line, the Emulator) greet here.
    private Task OnConversationUpdateAsync(TurnContext turn)
    {
        var botId = turn.Activity.Recipient?.Id;
        var botAdded = botId is not null && turn.Activity.MembersAdded?.Any(m => m?.Id == botId) == true;
        return botAdded && turn.Activity.ChannelId != Channels.Teams ? WelcomeAsync(turn) : Task.CompletedTask;
    }

    // In the team's language if this instance keeps one, else the installer's (a new team has none yet).
    private Task WelcomeAsync(TurnContext turn)
    {
        var welcome = TurnLanguage.Say(TurnLanguage.Kept(languages, turn.Activity), () => Welcome(turn.Activity));
        turn.SendAfterAnswer(token => turn.SendAsync(welcome, token));
        return Task.CompletedTask;
    }

    // A channel or group chat is told how to mention the bot; a one-to-one chat (Teams' "personal",
    // or a channel that names no type, as Web Chat) needs no mention and is offered the demo.
    private static string Welcome(Activity activity) =>
        Texts.Welcome(personalChat: activity.Conversation is not ({ IsGroup: true } or { ConversationType: "channel" or "groupChat" }));
}
