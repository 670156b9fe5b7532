using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>Teams' <c>channelData</c> of a channel message.</summary>
internal sealed record TeamsChannelData(TeamsId Team, TeamsId Channel, TeamsId Tenant, string TeamsTeamId, string TeamsChannelId);

/// <summary>An object that is only an id.</summary>
internal sealed record TeamsId(string Id);

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed record ExecuteValue(ExecuteAction Action, string Trigger);

/// <summary>The Action.Execute that was pressed: its verb and its data merged with the card's inputs.</summary>
internal sealed record ExecuteAction(string Type, string Verb, IReadOnlyDictionary<string, string> Data);

/// <summary>Teams' <c>clientInfo</c> entity fields.</summary>
internal sealed record ClientInfo(string Locale, string Country, string Platform, string Timezone);

/// <summary>Source-generated JSON for the parts of activities the generator writes itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(ExecuteValue))]
[JsonSerializable(typeof(ClientInfo))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class BenchJson : JsonSerializerContext
{
    /// <summary>Any of the above as a JSON element, for the activity's <c>value</c> or <c>channelData</c>.</summary>
    public static JsonElement Element<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToElement(value, type);
}
