using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The published map card's Actions block: how many are done and overdue, the top actions (overdue
/// first, then by due day) with owner, due day and status, "+N more" for the rest (the full page and
/// the exports list them all), and the parked opportunities with their reasons.
/// </summary>
internal static class MapCardActions
{
    /// <summary>
    /// The block, within the card's budget: <paramref name="perList"/> and <paramref name="shorten"/> shrink with it, and
    /// with <paramref name="few"/> (the card's last resort) only <paramref name="perList"/> actions are shown.
    /// </summary>
    public static IEnumerable<CardElement> Block(ActionsOnDay actions, MapBoard board, int perList, Func<string, string> shorten, bool linked,
        bool few = false)
    {
        var all = actions.Ordered();
        var heading = all.Count == 0 ? Strings.ActionsHeading
            : $"{Strings.ActionsHeading} · {Strings.ActionsSummary.Fill(("done", actions.DoneCount), ("count", all.Count), ("overdue", actions.OverdueCount))}";
        yield return Say($"**{heading}**") with { Separator = true };
        if (all.Count == 0)
        {
            yield return Say(Strings.ActionsNoneYet, subtle: true);
        }

        // A few more actions than items per list: they are what the team committed to.
        var shown = few ? perList : perList + 3;
        foreach (var action in all.Take(shown))
        {
            yield return Line(action, actions.Today, shorten);
        }

        if (all.Count > shown)
        {
            var more = all.Count - shown;
            yield return Say(linked ? Strings.MoreActionsOnPage.Fill(("count", more)) : Strings.MoreActions.Fill(("count", more)), subtle: true)
                with { Spacing = "None" };
        }

        var parked = actions.Actions.Parked;
        if (parked.Count > 0)
        {
            var texts = parked.Select(p => $"{Exports.MapExport.OpportunityText(board, p.Id)} — {p.Reason}").ToList();
            var list = string.Join("; ", texts.Take(perList).Select(shorten));
            yield return Labelled(Strings.LabelParked, texts.Count > perList ? list + Strings.ListMore.Fill(("count", texts.Count - perList)) : list)
                with { Spacing = "Small" };
        }
    }

    // "⚠ Overdue  Call back within a day — Megan Bowen (Sales) · due 3 Dec 2026 · Open": the mark is a word
    // and a sign, not a colour alone; every member text is a plain run.
    private static RichTextBlock Line(OwnedAction action, DateOnly today, Func<string, string> shorten)
    {
        var owner = action.OwnerDepartment is { } department
            ? Strings.ActionOwnerAndDepartment.Fill(("owner", action.Owner.Name), ("department", department))
            : action.Owner.Name;
        var details = $" — {shorten(owner)} · {Strings.ActionDueOn.Fill(("due", action.Due))} · {ActionsOnDay.Status(action)}";
        List<TextRun> runs = [new("• ")];
        if (action.IsOverdue(today))
        {
            runs.Add(new TextRun(Strings.ActionOverdue + " ") { Weight = "Bolder", Color = "Attention" });
        }

        runs.Add(new TextRun(shorten(action.Text)));
        runs.Add(new TextRun(details) { IsSubtle = true });
        return new RichTextBlock(runs) { Spacing = "None" };
    }
}
