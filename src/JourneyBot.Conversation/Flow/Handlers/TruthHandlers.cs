using System.Text;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// Moments of truth: the facilitator marks up to <see cref="JourneyMap.MaxMomentsOfTruth"/> touchpoints
/// (<c>truth &lt;id&gt;</c>), unmarks one (<c>truth off &lt;id&gt;</c>) or lists them (<c>truth</c>).
/// </summary>
internal sealed class TruthHandlers(IMapStore store, MapTransaction transaction)
{
    // A message lists this many touchpoints to choose from: enough for a map's few candidates, short in a thread.
    private const int ListedTouchpoints = 30;

    public async Task<TurnOutcome> MarkAsync(CommandTurn command, TruthCommand truth, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var id = truth.ItemId.Trim().TrimStart('#', '[').TrimEnd(']');
        if (id.Length == 0)
        {
            return new TurnOutcome().Say(Listed(command.Map, board));
        }

        var matches = board.Items.Where(i => i.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        if (matches.Count != 1)
        {
            // No such item in the map as read: a copy read moments ago may name a map the conversation no longer holds.
            return matches.Count == 0
                ? TurnOutcome.RefusalOnMap(Strings.ItemNotFound.Fill(("id", Markdown.Escape(id))))
                : new TurnOutcome().Say(Strings.ItemAmbiguous.Fill(("id", Markdown.Escape(id))));
        }

        var item = matches[0];
        var (shown, text) = (ItemIds.Display(item.Id), Markdown.Escape(item.Text));
        if (item.Kind != ItemKind.Touchpoint)
        {
            return new TurnOutcome().Say(Strings.TruthOnlyTouchpoints.Fill(("id", shown), ("kind", Vocabulary.Name(item.Kind))));
        }

        return await transaction.ChangeAsync(command.Turn, command.Stored, fresh =>
        {
            // Marks of touchpoints removed since are dropped here, so they never hold a place of the three.
            var marked = fresh.MomentsOfTruthIn(board).Select(t => t.Id).ToList();
            var max = JourneyMap.MaxMomentsOfTruth;
            if (truth.On)
            {
                if (marked.Contains(item.Id))
                {
                    return MapChange.Unchanged(new TurnOutcome().Say(Strings.TruthAlready.Fill(("id", shown), ("item", text))));
                }

                if (marked.Count >= max)
                {
                    return MapChange.Unchanged(new TurnOutcome().Say(Strings.TruthFull.Fill(("max", max),
                        ("list", Texts.List(fresh.MomentsOfTruthIn(board).Select(t => $"[{ItemIds.Display(t.Id)}] {Markdown.Escape(t.Text)}"))))));
                }

                fresh.MomentsOfTruth = [.. marked, item.Id];
                var stage = fresh.Stages.FirstOrDefault(s => s.Id == item.StageId)?.Name ?? "?";
                return MapChange.Saved(new TurnOutcome().Say(Strings.TruthMarked.Fill(("id", shown), ("item", text), ("stage", Markdown.Escape(stage)),
                    ("count", marked.Count + 1), ("max", max))));
            }

            if (!marked.Remove(item.Id))
            {
                return MapChange.Unchanged(new TurnOutcome().Say(Strings.TruthWasNot.Fill(("id", shown), ("item", text))));
            }

            fresh.MomentsOfTruth = marked;
            return MapChange.Saved(new TurnOutcome().Say(Strings.TruthUnmarked.Fill(("id", shown), ("item", text), ("count", marked.Count), ("max", max))));
        }, cancellationToken);
    }

    // "truth" alone: the moments of truth so far (or what they are), and the touchpoints to choose from with their
    // ids, which no card shows (cards name items by their words).
    private static string Listed(JourneyMap map, MapBoard board)
    {
        string Line(MapItem t) =>
            $"[{ItemIds.Display(t.Id)}] {Markdown.Escape(Vocabulary.Describe(t))} ({Markdown.Escape(map.Stages.FirstOrDefault(s => s.Id == t.StageId)?.Name ?? "?")})";
        var truths = map.MomentsOfTruthIn(board);
        var text = new StringBuilder(truths.Count == 0
            ? Strings.TruthNone.Fill(("max", JourneyMap.MaxMomentsOfTruth))
            : Strings.TruthList.Fill(("list", Texts.List(truths.Select(Line))), ("max", JourneyMap.MaxMomentsOfTruth)));
        var stageOrder = map.Stages.Select(s => s.Id).ToList();
        var others = board.Items.Where(i => i.Kind == ItemKind.Touchpoint && !truths.Contains(i))
            .OrderBy(i => stageOrder.IndexOf(i.StageId)).ThenBy(i => i.CreatedAt).ToList();
        if (others.Count > 0)
        {
            text.Append("\n\n").Append(Strings.TruthTouchpoints).Append('\n');
            text.AppendJoin('\n', others.Take(ListedTouchpoints).Select(t => "- " + Line(t)));
            if (others.Count > ListedTouchpoints)
            {
                text.Append('\n').Append(Strings.TruthMoreTouchpoints.Fill(("count", others.Count - ListedTouchpoints)));
            }
        }

        return text.ToString();
    }
}
