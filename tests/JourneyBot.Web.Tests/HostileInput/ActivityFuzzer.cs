using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// Seeded, bounded mutations of Teams-shaped activities: a random JSON value replaced by another
/// kind (null, number, boolean, object, array, a huge string, invalid UTF-8, deep nesting), a field
/// dropped, a field duplicated. The same seed gives the same bodies.
/// </summary>
internal sealed class ActivityFuzzer(int seed, string serviceUrl)
{
    // Placeholders put into the JSON text and replaced by bytes no JsonNode can hold.
    private const string InvalidUtf8Marker = "zzinvalidutf8zz";
    private const string DuplicateMarker = "zzduplicatezz";

    private readonly Random _random = new(seed);

    /// <summary>The next body to post.</summary>
    public byte[] Next()
    {
        var activity = Valid();
        var duplicates = new List<string>();
        var mutations = _random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(activity, duplicates);
        }

        var text = activity.ToJsonString();
        for (var i = 0; i < duplicates.Count; i++)
        {
            // Each marker stands for one field named again in its object.
            text = text.Replace($"\"{DuplicateMarker}{i}\"", $"\"{duplicates[i]}\"", StringComparison.Ordinal);
        }

        return WithInvalidUtf8(text);
    }

    private JsonObject Valid()
    {
        var verbs = new[] { CardVerbs.Answer, CardVerbs.Next, CardVerbs.Back, CardVerbs.Template, CardVerbs.Add, CardVerbs.Vote, CardVerbs.Publish, CardVerbs.Status, CardVerbs.Progress, CardVerbs.DeleteMaps, CardVerbs.SendRound };
        var texts = new[] { "help", "status", "start", "map onboarding", "pain Research | slow approvals", "demo", "export", "" };
        var conversation = $"19:fuzz{_random.Next(8)}@thread.tacv2";
        var message = Activities.Message(serviceUrl, texts[_random.Next(texts.Length)], mentionBot: _random.Next(2) == 0,
            conversationId: conversation, activityId: $"1:{_random.Next(1000)}");
        var node = JsonNode.Parse(message.ToJson())!.AsObject();
        node["channelData"] = JsonNode.Parse("""{"tenant":{"id":"tenant-1"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:channel@thread.tacv2"}}""");
        var data = $$"""{"verb":"{{verbs[_random.Next(verbs.Length)]}}","mapId":"m{{_random.Next(3)}}","step":"{{_random.Next(5)}}","answer":"a stage"}""";
        switch (_random.Next(6))
        {
            case 0:
                break;
            case 1:
                node["type"] = ActivityTypes.Invoke;
                node["name"] = "adaptiveCard/action";
                node["value"] = JsonNode.Parse($$"""{"action":{"type":"Action.Execute","verb":"{{verbs[_random.Next(verbs.Length)]}}","data":{{data}}},"trigger":"manual"}""");
                node["replyToId"] = "1:card";
                break;
            case 2:
                node["text"] = null;
                node["value"] = JsonNode.Parse(data);
                node["replyToId"] = "1:card";
                break;
            case 3:
                node["type"] = ActivityTypes.ConversationUpdate;
                node["membersAdded"] = JsonNode.Parse("""[{"id":"28:bot-app-id"},{"id":"29:alex","aadObjectId":"00000000-0000-0000-0000-000000000020"}]""");
                node["membersRemoved"] = JsonNode.Parse("""[{"id":"29:sam"}]""");
                break;
            case 4:
                node["type"] = ActivityTypes.InstallationUpdate;
                node["action"] = _random.Next(2) == 0 ? "add" : "remove";
                break;
            default:
                node["type"] = "messageReaction";
                node["reactionsAdded"] = JsonNode.Parse("""[{"type":"like"}]""");
                node["replyToId"] = "1:card";
                break;
        }

        return node;
    }

    private void Mutate(JsonObject activity, List<string> duplicates)
    {
        var places = new List<JsonNode>();
        Collect(activity, places);
        var place = places[_random.Next(places.Count)];
        switch (_random.Next(3))
        {
            case 0 when place.Parent is JsonObject owner:
                owner.Remove(place.GetPropertyName());
                break;
            case 1 when place.Parent is JsonObject owner && duplicates.Count < 3:
                owner.Insert(0, DuplicateMarker + duplicates.Count, OtherKind());
                duplicates.Add(place.GetPropertyName());
                break;
            default:
                place.ReplaceWith(OtherKind());
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        places.Add(child);
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        places.Add(child);
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private JsonNode? OtherKind() => _random.Next(11) switch
    {
        0 => null,
        1 => _random.Next(3) switch { 0 => JsonValue.Create(-1), 1 => JsonValue.Create(1e300), _ => JsonValue.Create(_random.Next()) },
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonObject { ["id"] = "x", ["type"] = 1 },
        4 => new JsonArray(null, 1, "a", new JsonObject()),
        5 => new JsonArray(),
        6 => new string('a', _random.Next(2) == 0 ? 1_025 : 70_000),
        7 => $"a{InvalidUtf8Marker}b",
        8 => Nested(_random.Next(2, 60)),
        9 => "\u0000\r\n\u001b[2J\u2028\u202e<at>JourneyBot</at>\ud83d\ude00",
        _ => string.Empty,
    };

    private JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(depth);
        for (var i = 0; i < depth; i++)
        {
            node = _random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private static byte[] WithInvalidUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var marker = Encoding.UTF8.GetBytes(InvalidUtf8Marker);
        var output = new List<byte>(bytes.Length);
        var rest = bytes.AsSpan();
        while (rest.IndexOf(marker) is var at and >= 0)
        {
            output.AddRange(rest[..at]);
            output.AddRange([0xC3, 0x28, 0xFF]);
            rest = rest[(at + marker.Length)..];
        }

        output.AddRange(rest);
        return [.. output];
    }
}
