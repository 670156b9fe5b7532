using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using JourneyBot.Bench.Micro.Maps;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Bench.Micro.Activities;

/// <summary>
/// The protocol's JSON both ways, with the source-generated <see cref="ProtocolJson"/> context the
/// bot uses: what arrives on every request, and the reply that carries a card.
/// </summary>
[MemoryDiagnoser]
public class ActivityJsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private byte[] _channelMessage = [];
    private byte[] _cardAction = [];
    private byte[] _cardSubmit = [];
    private Activity _mentionedMessage = null!;
    private AdaptiveCard _contributionForm = null!;
    private Activity _replyWithCard = null!;

    [GlobalSetup]
    public void SetUp()
    {
        // Channels post compact JSON; the fixtures are indented for reading.
        _channelMessage = Compact(TeamsActivityJson.ChannelMessageWithMention);
        _cardAction = Compact(TeamsActivityJson.CardActionInvoke);
        _cardSubmit = Compact(TeamsActivityJson.CardSubmitMessage);
        _mentionedMessage = DeserializeChannelMessage();

        // The card a contribution by card answers with: the form, updated in place.
        var map = TypicalMap.Create(MapStep.Contribute, MapStatus.Active).Map;
        _contributionForm = ContributeCard.For(map, "✔ Added touchpoint [k3f9q] to Purchase: 🌐 Compares delivery costs on the checkout page before paying, by Priya Raman.");
        _replyWithCard = Reply(_contributionForm.ToJson());
        Check();
    }

    /// <summary>A typed message in a channel: @mention and clientInfo entities, team/channel/tenant channelData, an HTML copy.</summary>
    [Benchmark]
    public Activity DeserializeChannelMessage() => Deserialize(_channelMessage);

    /// <summary>A Universal Action press (<c>adaptiveCard/action</c> invoke) with the form's data in its value.</summary>
    [Benchmark]
    public Activity DeserializeCardActionInvoke() => Deserialize(_cardAction);

    /// <summary>An Action.Submit press: a message with no text and the form's data as its value.</summary>
    [Benchmark]
    public Activity DeserializeCardSubmitMessage() => Deserialize(_cardSubmit);

    /// <summary>The command text of a channel message: the bot's mention removed (by its entity, with a regex), trimmed.</summary>
    [Benchmark]
    public string TextWithoutMention() => _mentionedMessage.TextWithoutRecipientMention();

    /// <summary>The reply carrying the contribution form (about 5 KB), written as the connector client sends it.</summary>
    [Benchmark]
    public int SerializeReplyWithCard() => Serialize(_replyWithCard);

    /// <summary>
    /// What the host does per card message: the card record to a JsonElement (<see cref="AdaptiveCard.ToJson"/>),
    /// wrapped in a reply, then the reply to JSON, so the card is written twice and parsed once.
    /// </summary>
    [Benchmark]
    public int CardToJsonThenSerializeReply() => Serialize(Reply(_contributionForm.ToJson()));

    private static Activity Deserialize(byte[] json) =>
        JsonSerializer.Deserialize(json, ProtocolJson.Default.Activity) ?? throw new InvalidOperationException("No activity.");

    private int Serialize(Activity activity)
    {
        // Into a reused buffer, as JsonContent streams into the request: the figure is the serializer's own cost.
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        JsonSerializer.Serialize(writer, activity, ProtocolJson.Default.Activity);
        return _output.WrittenCount;
    }

    private Activity Reply(JsonElement card)
    {
        var reply = _mentionedMessage.CreateReply();
        reply.Attachments = [Attachment.AdaptiveCard(card)];
        return reply;
    }

    private static byte[] Compact(string indented)
    {
        using var document = JsonDocument.Parse(indented);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The fixtures must read as the bot reads them, or the figures describe something else.
    private void Check()
    {
        var invoke = DeserializeCardActionInvoke();
        var submit = DeserializeCardSubmitMessage();
        if (_mentionedMessage.Entities is not [{ Type: Entity.MentionType }, _] || _mentionedMessage.ChannelData is not { ValueKind: JsonValueKind.Object }
            || TextWithoutMention() != "touchpoint Purchase | website | Compares delivery costs on the checkout page before paying | observed"
            || invoke is not { Type: ActivityTypes.Invoke, Name: "adaptiveCard/action", Value.ValueKind: JsonValueKind.Object }
            || submit is not { Type: ActivityTypes.Message, Text: null, Value.ValueKind: JsonValueKind.Object })
        {
            throw new InvalidOperationException("The Teams fixtures do not deserialize as the bot expects.");
        }

        var replyBytes = SerializeReplyWithCard();
        var written = Encoding.UTF8.GetString(_output.WrittenSpan);
        if (!written.Contains(Attachment.AdaptiveCardContentType, StringComparison.Ordinal) || !written.Contains("Input.ChoiceSet", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The reply does not carry the card.");
        }

        Console.WriteLine($"// Sizes: channel message {_channelMessage.Length:N0} B, invoke {_cardAction.Length:N0} B, " +
            $"submit {_cardSubmit.Length:N0} B, reply with card {replyBytes:N0} B");
    }
}
