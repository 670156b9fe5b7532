using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// The time one turn may take (<see cref="BotHostOptions.TurnTimeout"/>), and what is answered when
/// it has passed: the turn's token is cancelled, so storage and connector calls give up, and the
/// member hears the apology well within the time Teams waits.
/// </summary>
/// <remarks>
/// The answer is 200, not 503: the protocol documents no redelivery or Retry-After for the
/// activities the channel posts to the bot, and Teams shows the member nothing for a failed or late
/// answer. The apology is what reaches the member; a 200 keeps the channel from also delivering
/// the activity again should it retry 5xx, on top of the member's own retry.
/// </remarks>
internal sealed class TurnDeadline : IDisposable
{
    private const string AdaptiveCardAction = "adaptiveCard/action";

    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _requestAborted;
    private readonly TimeSpan _timeout;

    private TurnDeadline(TimeSpan timeout, CancellationToken requestAborted)
    {
        (_timeout, _requestAborted) = (timeout, requestAborted);
        _source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (timeout > TimeSpan.Zero)
        {
            _source.CancelAfter(timeout);
        }
    }

    /// <summary>The turn's token: cancelled when the deadline passes or the request is aborted.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the deadline, not the caller, ended the turn.</summary>
    public bool Passed => _source.IsCancellationRequested && !_requestAborted.IsCancellationRequested;

    /// <summary>Starts the clock of a turn.</summary>
    public static TurnDeadline Start(TimeSpan timeout, CancellationToken requestAborted) => new(timeout, requestAborted);

    /// <summary>
    /// Makes the answer of a turn cut off by the deadline: a message gets the apology as a reply
    /// (from the conversation's outbox, after the answer) and 200; a card action 200 with the apology in the card; any other invoke 503 with
    /// Retry-After (no one to tell, and an invoke must answer something); other activities 200.
    /// </summary>
    public void Tell(HttpContext http, TurnContext turn, string apology, ILogger logger)
    {
        ProtocolLog.TurnDeadlinePassed(logger, turn.Activity.Type, turn.Activity.Id, _timeout);
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            Apology.TellAfterAnswer(turn, apology, logger);
        }
        else if (turn.Activity.Type == ActivityTypes.Invoke && turn.Activity.Name == AdaptiveCardAction)
        {
            turn.InvokeResponse = InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Message(apology));
        }
        else if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = new InvokeResponse(StatusCodes.Status503ServiceUnavailable, null);
            http.Response.Headers.RetryAfter = "1";
        }
    }

    public void Dispose() => _source.Dispose();
}
