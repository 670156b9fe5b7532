using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol.Turns;

/// <summary>Tells a member that their message could not be handled, when a turn or its sends fail.</summary>
internal static class Apology
{
    /// <summary>
    /// Queues the apology for a message after the turn's answer, in order with the conversation's
    /// other sends and kept even when its outbox is full: a slow connector must not hold the answer
    /// of a turn that failed any more than of one that worked.
    /// </summary>
    public static void TellAfterAnswer(TurnContext turn, string text, ILogger logger)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            turn.SendAfterAnswer(cancellationToken => TellAsync(turn, text, logger, cancellationToken));
        }
    }

    /// <summary>Replies with <paramref name="text"/> to a message; other activities have no one to tell. Never throws for a failed send.</summary>
    public static async Task TellAsync(TurnContext turn, string text, ILogger logger, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            await turn.ReplyAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectorException or InvalidOperationException or TaskCanceledException)
        {
            ProtocolLog.ApologyFailed(logger, ex, turn.Activity.Id);
        }
    }
}
