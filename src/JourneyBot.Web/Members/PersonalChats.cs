using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Protocol.Configuration;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Members;

/// <summary>
/// Each member's 1:1 chat with the bot: the one kept on their member row, else one started with
/// <c>POST v3/conversations</c> and kept there, so that later rounds, reminders and questions reuse it.
/// </summary>
/// <remarks>
/// The bot may start a 1:1 chat with any member of a team or chat where it is installed, under the
/// service URL and tenant of that team's conversation. Starts are spaced by <see cref="CreationPace"/>;
/// a 429 is retried after its Retry-After by the connector's retry handler; a 403 or 404 is an
/// answer (<see cref="PersonalChatResult.CannotReach"/>, <see cref="PersonalChatResult.Left"/>),
/// kept nowhere, so a later round tries again. Teams answers the same id for a member each time, so
/// two instances starting the same chat at once end with the same chat on the row.
/// </remarks>
internal sealed class PersonalChats(
    IMapStore store, IServiceProvider services, CreationPace pace, IOptions<BotFrameworkOptions> bot, ILogger<PersonalChats> logger)
{
    // One start per member at a time in this instance: a second caller waits for the first's answer.
    private readonly ConcurrentDictionary<(string Team, string Person), Lazy<Task<PersonalChatResult>>> _starting = new();

    /// <summary>
    /// The 1:1 chat of <paramref name="member"/> of the team <paramref name="teamKey"/>, started
    /// when their row has none.
    /// </summary>
    /// <param name="teamKey">The team whose member row keeps the chat.</param>
    /// <param name="serviceUrl">The service URL of the team's conversation (a turn's, or one kept with a round).</param>
    /// <param name="tenantId">The team's tenant (the conversation's <c>tenantId</c>); Teams wants it to start a chat.</param>
    /// <param name="member">The member.</param>
    /// <param name="botAccount">The bot's account as the team's turns name it; null: <c>28:</c> and the app id.</param>
    /// <param name="cancellationToken">Cancels the wait and the call.</param>
    public async Task<PersonalChatResult> GetOrStartAsync(
        string teamKey, string serviceUrl, string? tenantId, ChatMember member, ChannelAccount? botAccount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamKey);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(member);
        if ((await store.GetMemberAsync(teamKey, member.PersonId, cancellationToken))?.Chat is { } kept)
        {
            return new PersonalChatResult.Reached(kept, Created: false);
        }

        var key = (teamKey, member.PersonId);
        var start = _starting.GetOrAdd(key, _ => new Lazy<Task<PersonalChatResult>>(
            () => StartAsync(teamKey, serviceUrl, tenantId, member, botAccount, cancellationToken)));
        try
        {
            return await start.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _starting.TryRemove(KeyValuePair.Create(key, start));
        }
    }

    private async Task<PersonalChatResult> StartAsync(
        string teamKey, string serviceUrl, string? tenantId, ChatMember member, ChannelAccount? botAccount, CancellationToken cancellationToken)
    {
        await pace.WaitForTurnAsync(cancellationToken);
        ConversationResourceResponse started;
        try
        {
            started = await services.GetRequiredService<ConnectorClient>()
                .CreateConversationAsync(serviceUrl, Parameters(tenantId, member, botAccount), cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            WebLog.LogPersonalChatRefused(logger, ex.ErrorCode);
            return new PersonalChatResult.CannotReach(ex.ErrorCode);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            WebLog.LogPersonalChatMemberGone(logger);
            return new PersonalChatResult.Left();
        }

        if (string.IsNullOrEmpty(started.Id))
        {
            throw new InvalidOperationException("The connector started a 1:1 chat but gave no conversation id.");
        }

        var chat = new PersonalChat(started.ServiceUrl ?? serviceUrl, started.Id);
        // The chat alone is written: what the member said meanwhile (their department) stays, with no read.
        await store.PutMemberAsync(teamKey, member.PersonId, TeamMember.New with { Chat = chat }, MemberFields.Chat, cancellationToken);
        WebLog.LogPersonalChatStarted(logger);
        return new PersonalChatResult.Reached(chat, Created: true);
    }

    // Teams' 1:1 shape: the bot, the one member (by id only: no name leaves the bot), the tenant twice.
    private ConversationParameters Parameters(string? tenantId, ChatMember member, ChannelAccount? botAccount) => new()
    {
        IsGroup = false,
        Bot = botAccount is null ? DefaultBot() : new ChannelAccount { Id = botAccount.Id },
        Members = [new ChannelAccount { Id = member.Id }],
        TenantId = tenantId,
        ChannelData = tenantId is null ? null : TenantData(tenantId),
    };

    private ChannelAccount? DefaultBot() =>
        string.IsNullOrEmpty(bot.Value.MicrosoftAppId) ? null : new ChannelAccount { Id = "28:" + bot.Value.MicrosoftAppId };

    private static JsonElement TenantData(string tenantId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("tenant");
            json.WriteString("id", tenantId);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
