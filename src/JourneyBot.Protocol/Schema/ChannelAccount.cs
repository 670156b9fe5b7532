using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol.Schema;

/// <summary>A user or bot in a conversation.</summary>
/// <remarks>In Teams <see cref="Id"/> is an MRI (<c>29:…</c> for users, <c>28:&lt;appId&gt;</c> for bots).</remarks>
public sealed class ChannelAccount
{
    /// <summary>The channel's id for the account.</summary>
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The Entra object id of a user, where the channel knows it.</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c>, <c>bot</c> or <c>skill</c>. Informational only.</summary>
    public string? Role { get; set; }

    /// <summary>Fields not typed here (Teams adds email, userPrincipalName, …).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
