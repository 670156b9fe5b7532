using JourneyBot.Conversation;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Storage;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Lifecycle;

/// <summary>
/// Deletes finished maps that nobody changed for <see cref="TableStorageOptions.RetainDays"/> days
/// (off unless set): one pass at start and then every hour, at most <see cref="MapsPerPass"/> maps a pass.
/// A published map still in use (<see cref="LivingMaps"/>: reviewed, or its future state being mapped)
/// is kept, however old its stamp.
/// </summary>
/// <remarks>
/// A plain hosted timer rather than the durable schedule: a pass is idempotent and finds its own
/// work (a query), so a pass missed while the host was down costs nothing, and two instances
/// passing at once only delete the same rows twice (a missing row is no failure). The schedule is
/// for moments that must not be lost, each claimed by one instance; this has none.
/// </remarks>
internal sealed class MapRetention(
    IMapStore store, MapDeletion deletion, TimeProvider clock, IOptions<TableStorageOptions> options, ILogger<MapRetention> logger)
    : BackgroundService
{
    /// <summary>The most maps one pass deletes, so that a pass is short whatever has piled up.</summary>
    public const int MapsPerPass = 100;

    /// <summary>
    /// The most candidates one pass looks at: living maps are listed again every pass (their stamp
    /// stays old), so a pass looks past them, up to this many, to reach the maps it may delete.
    /// </summary>
    public const int CandidatesPerPass = MapsPerPass * 10;

    /// <summary>Time between passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // One pass at a time in this instance: a pass asked for while the timer's runs waits for it.
    private readonly SemaphoreSlim _passing = new(1, 1);

    /// <summary>
    /// One pass: deletes up to <see cref="MapsPerPass"/> finished maps last changed before the
    /// retention period; returns how many. Nothing when retention is off.
    /// </summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetainDays is not { } days)
        {
            return 0;
        }

        await _passing.WaitAsync(cancellationToken);
        try
        {
            var before = clock.GetUtcNow() - TimeSpan.FromDays(days);
            var deleted = 0;
            foreach (var map in await store.ListFinishedBeforeAsync(before, CandidatesPerPass, cancellationToken))
            {
                if (deleted == MapsPerPass)
                {
                    break;
                }

                if (await LivingMaps.IsLivingAsync(store, map.TeamKey, map.MapId, cancellationToken))
                {
                    continue;
                }

                await deletion.DeleteAsync(map.TeamKey, map.MapId, cancellationToken);
                deleted++;
            }

            WebLog.LogRetentionPass(logger, deleted, days);
            return deleted;
        }
        finally
        {
            _passing.Release();
        }
    }

    public override void Dispose()
    {
        _passing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetainDays is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage unreachable for a while: the next pass tries again.
                WebLog.LogRetentionPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
