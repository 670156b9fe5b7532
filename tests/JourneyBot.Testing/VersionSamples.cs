using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Testing;

/// <summary>Two published versions of a sample map that differ in every way a diff looks at, for cards and their sizes.</summary>
public static class VersionSamples
{
    /// <summary>
    /// Version 1 and 2 of <paramref name="map"/>: version 2 is the map and board as given (every fourth
    /// item observed), with a done action per stage; version 1 lacked its last stage, had every other touchpoint of version 2 and one
    /// more of its own per stage, a pain point per stage since resolved, each feeling one point lower, and
    /// every item assumed. Each was published by <paramref name="by"/>, a week apart before <paramref name="at"/>.
    /// </summary>
    public static (PublishedMap Earlier, PublishedMap Later) Of(JourneyMap map, MapBoard board, Person by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var later = Stamped(map, 2, by, at);
        var earlier = Stamped(map, 1, by, at.AddDays(-7));
        if (earlier.Stages.Count > 1)
        {
            earlier.Stages.RemoveAt(earlier.Stages.Count - 1);
        }

        var kept = earlier.Stages.Select(s => s.Id).ToHashSet();
        var touchpoints = 0;
        var then = board.Items
            .Where(i => kept.Contains(i.StageId) && (i.Kind != ItemKind.Touchpoint || touchpoints++ % 2 == 0))
            .Select(i => i with { Evidence = Evidence.Assumed, Score = i.Score is { } score ? Math.Max(-2, score - 1) : null })
            .Concat(earlier.Stages.SelectMany(s => new[]
            {
                Item(s, ItemKind.Touchpoint, "Fax order form <b>gone</b> **now**", by) with { Channel = TouchChannel.Other },
                Item(s, ItemKind.PainPoint, "Checkout asks for the <b>address</b> twice", by),
            }))
            .ToList();
        var done = map.Stages.Select(s => new OwnedAction
        {
            Id = "act-" + s.Id, StageId = s.Id, Text = "One-step **checkout** <i>for</i> " + s.Name, Owner = by, Due = DateOnly.FromDateTime(at.UtcDateTime),
            Status = ActionStatus.Done, CreatedBy = by, CreatedAt = at.AddDays(-6),
        }).ToList();
        var now = board with { Items = [.. board.Items.Select((item, i) => i % 4 == 0 ? item with { Evidence = Evidence.Observed } : item)] };
        return (new PublishedMap(earlier, new MapBoard(then, board.Votes), MapActions.None),
            new PublishedMap(later, now, new MapActions(done, [])));
    }

    private static MapItem Item(Stage stage, ItemKind kind, string text, Person by) => new()
    {
        Id = $"{stage.Id}-{kind}-gone", Kind = kind, StageId = stage.Id, Text = text, Author = by, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static JourneyMap Stamped(JourneyMap map, int version, Person by, DateTimeOffset at)
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap), MapJson.Storage.JourneyMap)!;
        copy.Status = MapStatus.Published;
        copy.PublishedVersion = version;
        copy.PublishedAt = at;
        copy.PublishedBy = by;
        return copy;
    }
}
