namespace JourneyBot.Web.Sending;

/// <summary>How long confirmations are gathered into one message (section <c>Acknowledgements</c>).</summary>
public sealed class AcknowledgementOptions
{
    /// <summary>After a confirmation goes out, the next ones in this interval go out together at its end.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}
