using System.Text.Json;

namespace JourneyBot.Protocol.Schema;

/// <summary>What the bot asks for when it starts a conversation (<c>POST v3/conversations</c>).</summary>
public sealed class ConversationParameters
{
    /// <summary>Whether the conversation is a group (a channel thread) or 1:1.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The bot's account.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The members to talk to (Teams: one user for a 1:1 chat).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>The topic of a group conversation.</summary>
    public string? TopicName { get; set; }

    /// <summary>The tenant of the conversation.</summary>
    public string? TenantId { get; set; }

    /// <summary>A first activity to post in the new conversation.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel-specific data; Teams wants <c>{ "channel": { "id": … } }</c> for a new thread.</summary>
    public JsonElement? ChannelData { get; set; }
}

/// <summary>The connector's answer to a create-conversation call.</summary>
/// <param name="Id">The new conversation's id.</param>
/// <param name="ActivityId">The id of the first activity, if one was posted.</param>
/// <param name="ServiceUrl">The connector address for the new conversation, if it differs.</param>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>One page of a conversation's members.</summary>
/// <param name="Members">The members on this page.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null on the last page.</param>
public sealed record PagedMembersResult(IReadOnlyList<ChannelAccount>? Members, string? ContinuationToken);

/// <summary>A Teams team as <c>GET v3/teams/{id}</c> describes it.</summary>
/// <param name="Id">The team's id (<c>19:…</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="AadGroupId">The Microsoft 365 group behind it.</param>
public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId);
