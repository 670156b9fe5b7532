using System.Globalization;
using System.Text.Json;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;

namespace JourneyBot.Web.Bot;

/// <summary>Reads what the conversation needs from an activity: who, where, and what they said or pressed.</summary>
internal static class ActivityReader
{
    /// <summary>
    /// The user turn of a message or an <c>adaptiveCard/action</c> invoke; overheard when it is a
    /// message that does not address the bot (see <see cref="TurnContext.IsAddressed"/>).
    /// </summary>
    public static UserTurn ToUserTurn(TurnContext turn, CardSubmit? submit)
    {
        var activity = turn.Activity;
        var from = new Person(
            activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown",
            string.IsNullOrWhiteSpace(activity.From?.Name) ? Texts.Someone : activity.From.Name);
        return new UserTurn(ScopeOf(activity), from, activity.Id, submit is null ? turn.Text : string.Empty, submit)
        {
            Overheard = submit is null && !turn.IsAddressed,
            TenantId = activity.Conversation?.TenantId,
            ServiceUrl = activity.ServiceUrl,
            IsPersonalChat = activity.Conversation?.ConversationType == ConversationTypes.Personal,
            TeamsId = activity.From?.Id,
            TimeZone = TimeZoneOf(activity),
            Locale = activity.Locale,
            GroupId = GroupIdOf(activity),
            Mentions = MentionsOf(activity),
        };
    }

    /// <summary>The team's Microsoft 365 group (<c>channelData.team.aadGroupId</c>), when Teams says; null outside a team.</summary>
    public static string? GroupIdOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            && team.TryGetProperty("aadGroupId", out var id) && id.ValueKind == JsonValueKind.String
            && Guid.TryParse(id.GetString(), out var group)
                ? group.ToString()
                : null;

    /// <summary>The people a message mentions, the bot (its recipient) left out: an action's owner is named so.</summary>
    public static IReadOnlyList<MentionedPerson> MentionsOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. (activity.Entities ?? [])
            .Where(e => e is { Type: Entity.MentionType, Mentioned.Id: { Length: > 0 } } && e.Mentioned.Id != activity.Recipient?.Id)
            .Select(e => new MentionedPerson(e.Mentioned!.Id!, e.Mentioned.AadObjectId, e.Mentioned.Name ?? string.Empty,
                e.Text ?? $"<at>{e.Mentioned.Name}</at>"))];
    }

    /// <summary>
    /// The sender's time zone: the activity's <c>localTimezone</c>, else the <c>timezone</c> of
    /// Teams' <c>clientInfo</c> entity; only an id this host knows (IANA, e.g. <c>Europe/Bucharest</c>),
    /// else null, so that nothing unusable reaches the member's row.
    /// </summary>
    public static string? TimeZoneOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return KnownTimeZone(activity.LocalTimezone) ?? KnownTimeZone(ClientInfoTimeZone(activity));
    }

    private static string? ClientInfoTimeZone(Activity activity) =>
        activity.Entities?.FirstOrDefault(e => string.Equals(e?.Type, "clientInfo", StringComparison.OrdinalIgnoreCase)) is { ExtensionData: { } data }
            && data.TryGetValue("timezone", out var zone) && zone.ValueKind == JsonValueKind.String
                ? zone.GetString()
                : null;

    // Ids are short ("America/Argentina/ComodRivadavia" is among the longest); anything long is not one.
    private static string? KnownTimeZone(string? id) =>
        id is { Length: > 0 and <= 64 } && id.Trim() == id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : null;

    /// <summary>
    /// The team and conversation. In a Teams channel the team is the Teams team; in a group or
    /// 1:1 chat the chat is its own team.
    /// </summary>
    public static MapScope ScopeOf(Activity activity)
    {
        var conversation = activity.Conversation?.Id ?? string.Empty;
        var team = activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("team", out var teamData) && teamData.ValueKind == JsonValueKind.Object
            && teamData.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()!
                : conversation;
        return new MapScope(team, conversation);
    }

    /// <summary>The submit of a card: a message's value (Action.Submit) carrying a JourneyBot verb.</summary>
    public static CardSubmit? FromMessageValue(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data && Values(data) is var values
            && values.TryGetValue(CardVerbs.VerbKey, out var verb) && verb.Length > 0 && Usable(verb, values)
            ? new CardSubmit(verb, values)
            : null;

    /// <summary>The submit of a Universal Action (<c>adaptiveCard/action</c>): its verb and data.</summary>
    public static CardSubmit? FromInvokeValue(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } invoke
            || !invoke.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("Action.Execute"))
        {
            return null;
        }

        var values = action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? Values(data)
            : new Dictionary<string, string>();
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        verb ??= values.GetValueOrDefault(CardVerbs.VerbKey);
        return string.IsNullOrEmpty(verb) || !Usable(verb, values) ? null : new CardSubmit(verb, values) { Invoked = true };
    }

    // The bot's own cards carry short verbs and ids; a longer one is no card of ours, and an id that
    // long would outgrow the row it is stored in. Members' typed inputs may be long and are not checked here.
    private static readonly string[] IdKeys =
        [CardVerbs.MapKey, CardVerbs.TeamKey, CardVerbs.RoundKey, CardVerbs.StepKey, CardVerbs.KindKey, CardVerbs.CardKey, CardVerbs.DeleteKey,
            CardVerbs.ActionKey, CardVerbs.ForKey, CardVerbs.OpportunityKey, CardVerbs.SendActionKey, CardVerbs.StageKey, CardVerbs.PlanKey,
            CardVerbs.ItemKey, CardVerbs.EvidenceKey, CardVerbs.TemplateKey, CardVerbs.DaysKey, CardVerbs.VersionKey, CardVerbs.IntroKey,
            CardVerbs.ValidationKey, CardVerbs.ResolveKey, CardVerbs.EvidenceListKey];

    private const int MaxIdLength = 1024;

    private static bool Usable(string verb, Dictionary<string, string> values) =>
        verb.Length <= MaxIdLength && IdKeys.All(key => values.GetValueOrDefault(key) is not { Length: > MaxIdLength });

    // Inputs arrive as strings; anything else (numbers, booleans, Teams' own msteams object) is read as text or skipped.
    private static Dictionary<string, string> Values(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null)
            {
                values[property.Name] = text;
            }
        }

        return values;
    }
}
