using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Members;

/// <summary>
/// Spaces this instance's 1:1 chat creations evenly, <see cref="PersonalChatOptions.CreationsPerSecond"/>
/// at most: each caller takes the next free moment, in the order they came, and waits for it on the host's clock.
/// </summary>
/// <remarks>
/// Even spacing rather than a burst allowance: a round reaching 300 members should trickle, not
/// spend the tenant's limits in its first second. Other instances pace their own; a 429 from
/// Teams is still retried after its Retry-After by the connector's retry handler.
/// </remarks>
internal sealed class CreationPace(TimeProvider clock, IOptions<PersonalChatOptions> options)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits for this creation's moment.</summary>
    public async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var perSecond = options.Value.CreationsPerSecond;
        if (perSecond <= 0)
        {
            return;
        }

        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        var now = clock.GetUtcNow();
        DateTimeOffset at;
        lock (_gate)
        {
            at = _next > now ? _next : now;
            _next = at + spacing;
        }

        if (at > now)
        {
            await Task.Delay(at - now, clock, cancellationToken);
        }
    }
}
