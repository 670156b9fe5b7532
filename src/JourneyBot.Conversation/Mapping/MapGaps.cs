namespace JourneyBot.Conversation.Mapping;

/// <summary>What a map still lacks: the review shows these so the team can fill them.</summary>
/// <param name="WithoutTouchpoints">Stages without any touchpoint.</param>
/// <param name="WithoutEmotion">Stages nobody gave an emotion for.</param>
/// <param name="WithoutOwnedOpportunity">Stages without an opportunity that has an owner.</param>
/// <param name="DepartmentsNotHeard">Departments that added nothing yet.</param>
/// <param name="ChannelsNotMentioned">Channels no touchpoint uses.</param>
public sealed record MapGaps(
    IReadOnlyList<Stage> WithoutTouchpoints,
    IReadOnlyList<Stage> WithoutEmotion,
    IReadOnlyList<Stage> WithoutOwnedOpportunity,
    IReadOnlyList<string> DepartmentsNotHeard,
    IReadOnlyList<TouchChannel> ChannelsNotMentioned)
{
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
            [.. Enum.GetValues<TouchChannel>().Where(c => c != TouchChannel.Other && !channels.Contains(c))]);
    }

    /// <summary>The gaps as lines for a card or message; empty when there are none.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        void Add(string label, IEnumerable<string> names)
        {
            var list = names.ToList();
            if (list.Count > 0)
            {
                lines.Add($"{label}: {string.Join(", ", list)}");
            }
        }

        Add("No touchpoints yet", WithoutTouchpoints.Select(s => s.Name));
        Add("No emotion yet", WithoutEmotion.Select(s => s.Name));
        Add("No opportunity with an owner", WithoutOwnedOpportunity.Select(s => s.Name));
        Add("Not heard from", DepartmentsNotHeard);
        Add("Channels nobody mentioned", ChannelsNotMentioned.Select(Vocabulary.Name));
        return lines;
    }
}
