namespace JourneyBot.Protocol.Turns;

/// <summary>The bot's logic: called once per incoming activity.</summary>
/// <remarks>
/// A handler ignores activity types it does not know; the host then answers 200. For an
/// <c>invoke</c> it sets <see cref="TurnContext.InvokeResponse"/>; if it does not, the host answers 501.
/// </remarks>
public interface ITurnHandler
{
    /// <summary>Handles one turn.</summary>
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
