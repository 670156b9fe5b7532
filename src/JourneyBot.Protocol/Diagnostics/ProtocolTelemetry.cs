using System.Diagnostics;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// The names a host needs to export the protocol layer's spans and metrics: the activity source
/// and meter <c>JourneyBot.Protocol</c>, the span names and the attributes they carry.
/// </summary>
/// <remarks>
/// Attributes name kinds and hashes only: never member text, never a raw conversation or user id.
/// With nothing listening, starting a span returns null and costs a check.
/// </remarks>
public static class ProtocolTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "JourneyBot.Protocol";

    /// <summary>The span of one turn, from the request's activity to the HTTP answer.</summary>
    public const string TurnSpan = "turn";

    /// <summary>The span of the work a turn handed to the outbox, run after the answer; linked to its turn.</summary>
    public const string DeferredSendSpan = "deferred send";

    /// <summary>The incoming activity's type (message, invoke, conversationUpdate …).</summary>
    public const string ActivityType = "journeybot.activity.type";

    /// <summary>An invoke's name (e.g. adaptiveCard/action); absent for other activities.</summary>
    public const string InvokeName = "journeybot.invoke.name";

    /// <summary>The channel the activity came from (msteams, emulator …).</summary>
    public const string Channel = "journeybot.channel";

    /// <summary>A hash of the conversation key (see <see cref="ConversationHash"/>), the same in spans and log scopes.</summary>
    public const string ConversationHashAttribute = "journeybot.conversation.hash";

    /// <summary>The exception type that failed a turn or its deferred sends (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorType = "error.type";

    /// <summary>The log scope's key for the incoming activity's id, in a turn and in its deferred sends.</summary>
    public const string ScopeActivityId = "TurnActivityId";

    /// <summary>The log scope's key for the conversation's hash (the value of <see cref="ConversationHashAttribute"/>).</summary>
    public const string ScopeConversationHash = "ConversationHash";

    internal static readonly ActivitySource Source = new(Name);
}
