using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;

namespace JourneyBot.Web.Bot;

/// <summary>
/// JourneyBot's turns: a welcome when it is added, <c>help</c>, and a pointer to <c>help</c> for
/// anything else. Activity types it does not handle are ignored (the host answers 200).
/// </summary>
internal sealed class JourneyTurnHandler : ITurnHandler
{
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var answer = IsHelp(turn.Text) ? BotTexts.Help : BotTexts.NotUnderstood;
        await turn.ReplyAsync(answer, cancellationToken);
    }

    private static bool IsHelp(string text) =>
        text.Equals("help", StringComparison.OrdinalIgnoreCase) || text == "?";

    // Teams announces an install twice: installationUpdate (add) and conversationUpdate with the bot
    // among membersAdded. Teams greets on the first only, so a new team sees one welcome, not two.
    private static Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action == "add"
            ? turn.SendAsync(BotTexts.Welcome, cancellationToken)
            : Task.CompletedTask;

    // Channels without installationUpdate (Web Chat, Direct Line, the Emulator) greet here.
    private static Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var botAdded = turn.Activity.MembersAdded?.Any(m => m.Id == botId) == true;
        return botAdded && turn.Activity.ChannelId != Channels.Teams
            ? turn.SendAsync(BotTexts.Welcome, cancellationToken)
            : Task.CompletedTask;
    }
}
