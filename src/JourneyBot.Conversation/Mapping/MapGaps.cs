using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Mapping;

/// <summary>What a map still lacks: the review shows these so the team can fill them.</summary>
/// <param name="WithoutTouchpoints">Stages without any touchpoint.</param>
/// <param name="WithoutEmotion">Stages nobody gave an emotion for.</param>
/// <param name="WithoutOwnedOpportunity">Stages without an opportunity that has an owner.</param>
/// <param name="DepartmentsNotHeard">Departments that added nothing yet.</param>
/// <param name="ChannelsNotMentioned">Channels no touchpoint uses.</param>
internal sealed record MapGaps(
    IReadOnlyList<Stage> WithoutTouchpoints,
    IReadOnlyList<Stage> WithoutEmotion,
    IReadOnlyList<Stage> WithoutOwnedOpportunity,
    IReadOnlyList<string> DepartmentsNotHeard,
    IReadOnlyList<TouchChannel> ChannelsNotMentioned)
{
    /// <summary>Stages with nothing observed: everything in them is reported, assumed or not said (or they are empty).</summary>
    public IReadOnlyList<Stage> WithoutObserved { get; init; } = [];
    /// <summary>Stages nobody said what the customer expects in.</summary>
    public IReadOnlyList<Stage> WithoutExpects { get; init; } = [];

    /// <summary>Stages nobody said what moves the customer on from.</summary>
    public IReadOnlyList<Stage> WithoutMovesOn { get; init; } = [];

    /// <summary>The gaps of <paramref name="map"/> given its items.</summary>
    public static MapGaps Of(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var items = board.Items;
        bool Has(Stage s, Func<MapItem, bool> test) => items.Any(i => i.StageId == s.Id && test(i));

        var heard = items.Select(i => i.AuthorDepartment).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var channels = items.Where(i => i.Channel is not null).Select(i => i.Channel!.Value).ToHashSet();

        return new MapGaps(
            [.. map.Stages.Where(s => !Has(s, i => i.Kind == ItemKind.Touchpoint))],
            [.. map.Stages.Where(s => !Has(s, i => i.Kind == ItemKind.Emotion))],
            [.. map.Stages.Where(s => !Has(s, i => i.Kind == ItemKind.Opportunity && !string.IsNullOrEmpty(i.Owner)))],
            [.. Vocabulary.CoreDepartments.Where(d => !heard.Contains(d))],
            [.. Enum.GetValues<TouchChannel>().Where(c => c != TouchChannel.Other && !channels.Contains(c))])
        {
            WithoutObserved = [.. map.Stages.Where(s => StageConfidence.Of(s, items).NothingObserved)],
            WithoutExpects = [.. map.Stages.Where(s => s.Expects is null)],
            WithoutMovesOn = [.. map.Stages.Where(s => s.MovesOnWhen is null)],
        };
    }

    /// <summary>The gaps as lines for a card or message; empty when there are none.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        void Add(IEnumerable<string> names, Func<string, string> line)
        {
            var list = names.ToList();
            if (list.Count > 0)
            {
                lines.Add(line(string.Join(", ", list)));
            }
        }

        Add(WithoutTouchpoints.Select(s => s.Name), list => Strings.GapNoTouchpoints.Fill(("stages", list)));
        Add(WithoutEmotion.Select(s => s.Name), list => Strings.GapNoEmotion.Fill(("stages", list)));
        Add(WithoutOwnedOpportunity.Select(s => s.Name), list => Strings.GapNoOwnedOpportunity.Fill(("stages", list)));
        Add(WithoutObserved.Select(s => s.Name), list => Strings.GapNothingObserved.Fill(("stages", list)));
        Add(WithoutExpects.Select(s => s.Name), list => Strings.GapNoExpects.Fill(("stages", list)));
        Add(WithoutMovesOn.Select(s => s.Name), list => Strings.GapNoMovesOn.Fill(("stages", list)));
        Add(DepartmentsNotHeard, list => Strings.GapNotHeardFrom.Fill(("departments", list)));
        Add(ChannelsNotMentioned.Select(Vocabulary.Name), list => Strings.GapChannels.Fill(("channels", list)));
        return lines;
    }
}
