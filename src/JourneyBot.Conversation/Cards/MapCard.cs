using System.Globalization;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The published map: plain but complete (the finished stakeholder card comes later).</summary>
public static class MapCard
{
    /// <summary>The card of <paramref name="map"/> with all its items.</summary>
    public static AdaptiveCard For(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        var body = new List<CardElement>
        {
            Plain(map.Name, bold: true),
            Say(map.PublishedAt is { } at
                ? $"Customer journey map · published {at.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} by {Flow.Markdown.Escape(map.PublishedBy?.Name ?? "?")}"
                : "Customer journey map · draft", subtle: true),
            Labelled("Objective", map.Objective ?? "not set"),
            Labelled("Persona", map.Persona ?? "not set"),
            Labelled("Journey", $"{map.StartPoint ?? "?"} → {map.EndPoint ?? "?"}"),
        };
        body.AddRange(Curve(map, board));

        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            body.Add(new Container(StageBlock(stage, index, board, tally)) { Separator = true, Style = "emphasis" });
        }

        var gaps = MapGaps.Of(map, board).Lines();
        body.Add(Say("**Gaps still open**") with { Separator = true });
        body.AddRange(gaps.Count == 0 ? [Say("None.")] : gaps.Select(g => Plain("• " + g)));

        body.Add(Say("**Contributors**") with { Separator = true });
        var byDepartment = board.Items
            .GroupBy(i => i.AuthorDepartment ?? "Department not given")
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var department in byDepartment)
        {
            var people = department.Select(i => i.Author.Name).Distinct().OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            body.Add(Labelled(department.Key, string.Join(", ", people)));
        }

        if (board.Items.Count == 0)
        {
            body.Add(Say("Nobody yet."));
        }

        return new AdaptiveCard(body);
    }

    private static List<CardElement> StageBlock(Stage stage, int index, MapBoard board, IReadOnlyDictionary<string, int> tally)
    {
        var items = board.Items.Where(i => i.StageId == stage.Id).ToList();
        var block = new List<CardElement> { Plain($"{index + 1}. {stage.Name}", bold: true) };
        var scores = items.Where(i => i.Kind == ItemKind.Emotion && i.Score is not null).Select(i => (double)i.Score!.Value).ToList();
        block.Add(Say(scores.Count == 0
            ? "Emotion: not given yet"
            : $"Emotion: {Vocabulary.Face(scores.Average())} {scores.Average().ToString("+0.0;−0.0;0", CultureInfo.InvariantCulture)} ({scores.Count} view{(scores.Count == 1 ? string.Empty : "s")})"));
        var words = items.Where(i => i.Kind == ItemKind.Emotion && i.Text.Length > 0).Select(i => i.Text).ToList();
        if (words.Count > 0)
        {
            block.Add(Labelled("Feelings", string.Join(", ", words)));
        }

        var touchpoints = items.Where(i => i.Kind == ItemKind.Touchpoint).GroupBy(i => i.Channel ?? TouchChannel.Other).ToList();
        if (touchpoints.Count == 0)
        {
            block.Add(Say("Touchpoints: none yet", subtle: true));
        }

        foreach (var channel in touchpoints.OrderBy(g => g.Key))
        {
            block.Add(Labelled(Vocabulary.Name(channel.Key), string.Join("; ", channel.Select(i => i.Text))));
        }

        AddList(block, "Goals", items.Where(i => i.Kind == ItemKind.Goal).Select(i => i.Text));
        AddList(block, "Actions", items.Where(i => i.Kind == ItemKind.Action).Select(i => i.Text));
        AddList(block, "Pain points", items.Where(i => i.Kind == ItemKind.PainPoint)
            .OrderByDescending(i => tally.GetValueOrDefault(i.Id))
            .Select(i => $"{i.Text} ({Votes(tally.GetValueOrDefault(i.Id))})"));
        AddList(block, "Opportunities", items.Where(i => i.Kind == ItemKind.Opportunity)
            .OrderByDescending(i => tally.GetValueOrDefault(i.Id))
            .Select(i => $"{i.Text} (owner: {i.Owner ?? "none yet"}; {Votes(tally.GetValueOrDefault(i.Id))})"));
        return block;
    }

    // The peaks and valleys as a picture, with the faces as text for clients without images.
    private static IEnumerable<CardElement> Curve(JourneyMap map, MapBoard board)
    {
        var scores = EmotionCurve.Scores(map, board);
        if (scores.All(s => s is null))
        {
            yield return Say("Emotion curve: no emotions given yet.") with { Separator = true };
            yield break;
        }

        var faces = EmotionCurve.Faces(scores);
        var described = string.Join(", ", map.Stages.Select((stage, i) =>
            $"{stage.Name} {(scores[i] is { } score ? score.ToString("+0.0;−0.0;0", CultureInfo.InvariantCulture) : "not given")}"));
        yield return Say("**Emotion curve**") with { Separator = true };
        yield return new Image(EmotionCurve.DataUri(scores))
        {
            AltText = "Emotion curve: " + described,
            Size = "Stretch",
            Fallback = Say(faces),
        };
        yield return Plain(string.Join(" → ", map.Stages.Select(s => s.Name)), subtle: true) with { Spacing = "None" };
        if (EmotionCurve.Extremes(scores) is var (peak, valley))
        {
            yield return Plain($"Peak: {map.Stages[peak].Name} (green). Valley: {map.Stages[valley].Name} (red).") with { Spacing = "Small" };
        }
    }

    private static void AddList(List<CardElement> block, string label, IEnumerable<string> texts)
    {
        var list = texts.ToList();
        if (list.Count > 0)
        {
            block.Add(Labelled(label, string.Join("; ", list)));
        }
    }

    private static string Votes(int count) => $"{count} vote{(count == 1 ? string.Empty : "s")}";
}
