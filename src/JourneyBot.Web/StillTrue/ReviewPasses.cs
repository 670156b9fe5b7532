using System.Net;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.StillTrue;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.StillTrue;

/// <summary>
/// A map's "Still true?" pass when its review falls due (see <see cref="StillTrueReviews.PassAsync"/>):
/// each card into its person's 1:1 chat, started where their row keeps none, as a round's questions
/// are; then the next pass, while the review is on and the map lives.
/// </summary>
/// <remarks>
/// A person Teams will not reach (blocked, left) is logged and skipped: the next review asks again.
/// The next pass is scheduled whatever the cards did, so one failed delivery never ends the review.
/// </remarks>
internal sealed class ReviewPasses(
    StillTrueReviews reviews, IDueWorkStore schedule, ProactiveSends sends, PersonalCards cards, TeamRoster roster, ILogger<ReviewPasses> logger)
    : IDueWorkHandler
{
    public string Kind => ReviewWork.Kind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (ReviewWork.Read(work) is not { } target)
        {
            WebLog.LogNotAReview(logger, work.Id, work.Kind);
            return;
        }

        var pass = await reviews.PassAsync(target, cancellationToken);
        Roster? members = null;
        var sent = 0;
        foreach (var card in pass.Cards)
        {
            if (card.Chat is { } chat)
            {
                sent += await SendAsync(target, chat, card, cancellationToken) ? 1 : 0;
                continue;
            }

            // No chat kept for them: found in the map's conversation and a chat started.
            members ??= await roster.ListAsync(target.Scope.TeamKey, target.ServiceUrl, Members(target), cancellationToken);
            var member = members.Members.FirstOrDefault(m => m.Member.PersonId == card.To.Id)?.Member;
            var delivered = member is null
                ? null
                : await cards.SendAsync(target.Scope.TeamKey, target.ServiceUrl, target.TenantId, member, null, card.Card, cancellationToken);
            if (delivered?.CardActivityId is null)
            {
                WebLog.LogReviewNotDelivered(logger, target.MapId, null);
                continue;
            }

            sent++;
        }

        if (pass.NextAt is { } next)
        {
            await schedule.ScheduleAsync(ReviewWork.At(target, next), CancellationToken.None);
        }

        WebLog.LogReviewed(logger, target.MapId, sent, pass.Cards.Count, pass.NextAt);
    }

    private async Task<bool> SendAsync(ReviewTarget target, Conversation.PersonalChat chat, ReviewCardFor card, CancellationToken cancellationToken)
    {
        try
        {
            var to = ConversationReference.ForConversation(chat.ServiceUrl, chat.ConversationId, target.TenantId);
            await sends.SendAsync(to, JourneyTurnHandler.CardActivity(card.Card), cancellationToken);
            return true;
        }
        catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            WebLog.LogReviewNotDelivered(logger, target.MapId, ex);
            return false;
        }
    }

    // A channel thread is "19:…;messageid=…": its members are the channel's.
    private static string Members(ReviewTarget target) => target.Scope.ConversationKey.Split(";messageid=", 2)[0];
}
