using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.Validation;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.Rounds;

/// <summary>
/// A validation round's deadline: its summary goes to the facilitator's 1:1 chat, started where
/// their row keeps none (see <see cref="ValidationDue.CloseAsync"/>), then the round is closed.
/// </summary>
/// <remarks>A summary Teams will not deliver (the facilitator blocked the bot, or left) is logged: the round is closed either way.</remarks>
internal sealed class ValidationDeadlines(ValidationDue due, PersonalCards cards, ILogger<ValidationDeadlines> logger) : IDueWorkHandler
{
    public string Kind => ValidationWork.DeadlineKind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (ValidationWork.Read(work) is not ({ } key, _, _))
        {
            WebLog.LogNotAValidation(logger, work.Id, work.Kind);
            return;
        }

        if (await due.CloseAsync(key, cancellationToken) is not { } closing)
        {
            return;
        }

        var to = closing.Facilitator;
        var aad = to.TeamsId is null || to.TeamsId == to.Member.Id ? null : to.Member.Id;
        var sent = await cards.SendAsync(key.TeamKey, closing.ServiceUrl, closing.TenantId, new ChatMember(to.TeamsId ?? to.Member.Id, to.Member.Name, aad),
            null, closing.Card, cancellationToken);
        if (sent.CardActivityId is null)
        {
            WebLog.LogValidationSummaryNotSent(logger, key.MapId, key.Number, null);
        }

        // Sent (or refused for good): closing must not be cut short by the lease or the host stopping, or it would go out again.
        await due.ClosedAsync(key, CancellationToken.None);

        WebLog.LogValidationClosed(logger, key.MapId, key.Number, sent.CardActivityId is not null);
    }
}
