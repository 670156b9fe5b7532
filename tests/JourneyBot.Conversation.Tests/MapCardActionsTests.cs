using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The published map card's Actions block: overdue first with a mark, then by due day; "+N more"
/// for what does not fit; within 28 KB with 50 actions on a huge map; and its refresh.
/// </summary>
public sealed class MapCardActionsTests
{
    internal static readonly DateOnly Today = new(2026, 12, 5);
    private const string Hostile = "<b>x</b> **bold** [link](https://evil.example) =HYPERLINK(\"http://evil\") | pipe";

    // Action n of a map: owned by someone of a department, due a day around today, every fifth done, every seventh blocked.
    internal static OwnedAction Action(JourneyMap map, int n, int dueInDays, ActionStatus status = ActionStatus.Open, string? text = null) => new()
    {
        Id = $"act{n:000}",
        StageId = map.Stages[n % map.Stages.Count].Id,
        Text = text ?? $"Action {n} " + new string('a', 150),
        Owner = new Person($"aad-owner-{n}", $"Owner {n} " + new string('o', 30)),
        OwnerDepartment = $"Department {n % 10}",
        Due = Today.AddDays(dueInDays),
        Measure = n % 2 == 0 ? new SuccessMeasure("Repeat purchase within 90 days", "18%", n % 4 == 0 ? null : "25%") : null,
        Status = status,
        BlockedReason = status == ActionStatus.Blocked ? "Waiting for the budget" : null,
        CreatedBy = new Person("aad-alex", "Alex Wilber"),
        CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(n),
    };

    internal static MapActions Actions(JourneyMap map, int count) => new(
        [.. Enumerable.Range(1, count).Select(n => Action(map, n, (n * 7 % 40) - 10,
            n % 5 == 0 ? ActionStatus.Done : n % 7 == 0 ? ActionStatus.Blocked : ActionStatus.Open))],
        [new ParkedOpportunity("parked-1", "Not this quarter", new Person("aad-alex", "Alex Wilber"), DateTimeOffset.UnixEpoch)]);

    private static (JourneyMap Map, MapBoard Board) Published(int stages, int itemsPerStage, int textLength)
    {
        var (map, board) = CardSizeTests.SampleMap(stages, itemsPerStage, textLength);
        (map.Status, map.PublishedAt, map.PublishedBy, map.PublishedVersion) =
            (MapStatus.Published, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new Person("aad-alex", "Alex Wilber"), 1);
        return (map, board);
    }

    private static AdaptiveCard Card(JourneyMap map, MapBoard board, MapActions actions) =>
        MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), "“Map” is published.",
            new ActionsOnDay(actions, Today), MapCard.Refresh(map, MapCardIntro.Published, "29:viewer"));

    // The action lines of a card: its rich text lines after the Actions heading that start with a bullet.
    private static List<string> ActionLines(AdaptiveCard card) =>
        [.. card.Body.SkipWhile(e => e is not TextBlock { Text: var t } || !t.StartsWith("**Actions", StringComparison.Ordinal))
            .OfType<RichTextBlock>().Where(r => r.Inlines[0].Text == "• ").Select(r => string.Concat(r.Inlines.Select(i => i.Text)))];

    // Typical and huge maps with no, three and fifty actions, in each of the bot's languages.
    public static TheoryData<string, string, int, int, int, int> WithActions
    {
        get
        {
            var data = new TheoryData<string, string, int, int, int, int>();
            foreach (var language in InCulture.Languages)
            {
                foreach (var count in new[] { 0, 3, 50 })
                {
                    data.Add(language, "typical", 5, 12, 80, count);
                    data.Add(language, "huge", 12, 200, 500, count);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(WithActions))]
    public void The_published_card_with_actions_fits_in_28_KB_and_counts_the_actions_it_leaves_out(
        string language, string size, int stages, int itemsPerStage, int textLength, int count)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = Published(stages, itemsPerStage, textLength);

        var card = Card(map, board, Actions(map, count));

        var bytes = MapCard.Bytes(card);
        JourneyBot.Testing.RunSummary.Add($"published map card, {size} map with {count} actions, {language}: {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        if (language != "en")
        {
            return; // The texts checked below are the English ones; in Spanish and Romanian the budget is what is checked.
        }

        var text = CardText.Of(card);
        var lines = ActionLines(card);
        var more = System.Text.RegularExpressions.Regex.Match(text, @"\+(\d+) more actions: the full map lists them all\.");
        Assert.Equal(count, lines.Count + (more.Success ? int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
        Assert.Equal(count > 3, more.Success);
        Assert.Equal(count == 0, text.Contains("No owned actions yet.", StringComparison.Ordinal));
        Assert.Contains("Parked: ", text, StringComparison.Ordinal);
        Assert.Equal(count > 0, card.Body.OfType<ActionSet>().SelectMany(s => s.Actions).Any(a => a.Title == "Actions (CSV)"));
        Assert.Equal(["Open the full map", "CSV", "Markdown", "JSON"], card.Actions!.Select(a => a.Title));
        Assert.All(map.Stages, stage => Assert.Contains(stage.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Overdue_actions_come_first_with_a_mark_then_by_due_day_and_done_ones_last()
    {
        var (map, board) = Published(5, 2, 20);
        var actions = new MapActions(
        [
            Action(map, 1, dueInDays: 10, text: "Later"),
            Action(map, 2, dueInDays: -1, text: "Due yesterday"),
            Action(map, 3, dueInDays: -5, ActionStatus.Done, "Done long ago"),
            Action(map, 4, dueInDays: 0, ActionStatus.Blocked, "Due today"),
            Action(map, 5, dueInDays: -3, ActionStatus.Blocked, "Blocked and late"),
        ], []);

        var card = Card(map, board, actions);

        Assert.Equal(
            ["• ⚠ Overdue Blocked and late", "• ⚠ Overdue Due yesterday", "• Due today", "• Later", "• Done long ago"],
            ActionLines(card).Select(l => l[..l.IndexOf(" — ", StringComparison.Ordinal)]));
        Assert.Contains("due 2 Dec 2026 · Blocked", ActionLines(card)[0], StringComparison.Ordinal);
        Assert.Contains("**Actions · 1 of 5 actions done, 2 overdue**", CardText.Of(card), StringComparison.Ordinal);
        var mark = card.Body.OfType<RichTextBlock>().SelectMany(r => r.Inlines).First(i => i.Text.StartsWith("⚠ Overdue", StringComparison.Ordinal));
        Assert.Equal(("Attention", "Bolder"), (mark.Color, mark.Weight));
    }

    [Fact]
    public void Hostile_action_text_stays_plain_text_and_never_reaches_markdown()
    {
        var (map, board) = Published(5, 2, 20);
        var hostile = new MapActions([Action(map, 1, 3, text: Hostile) with { Owner = new Person("aad-x", Hostile), OwnerDepartment = Hostile }],
            [new ParkedOpportunity(board.Items[0].Id, Hostile, new Person("aad-alex", "Alex"), DateTimeOffset.UnixEpoch)]);

        var card = Card(map, board, hostile);

        Assert.All(card.Body.OfType<TextBlock>(), block => Assert.DoesNotContain("evil.example", block.Text, StringComparison.Ordinal));
        var runs = card.Body.OfType<RichTextBlock>().SelectMany(r => r.Inlines).Select(i => i.Text).ToList();
        Assert.Contains(runs, r => r.Contains(Hostile, StringComparison.Ordinal));
        Assert.Contains(runs, r => r.EndsWith("— " + Hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void The_card_refreshes_itself_with_its_version_and_words_for_the_viewer_only()
    {
        var (map, board) = Published(5, 2, 20);
        map.PublishedVersion = 3;

        var json = JsonDocument.Parse(Card(map, board, Actions(map, 3)).ToJson().GetRawText()).RootElement;
        var anonymous = MapCard.Refresh(map, MapCardIntro.Status, viewerTeamsId: null);

        var refresh = json.GetProperty("refresh");
        Assert.Equal(["29:viewer"], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        var action = refresh.GetProperty("action");
        Assert.Equal(("Action.Execute", CardVerbs.MapCard, "none"),
            (action.GetProperty("type").GetString(), action.GetProperty("verb").GetString(), action.GetProperty("associatedInputs").GetString()));
        var data = action.GetProperty("data");
        Assert.Equal((map.Id, "3", CardVerbs.IntroPublished, CardVerbs.MapCard),
            (data.GetProperty(CardVerbs.MapKey).GetString(), data.GetProperty(CardVerbs.VersionKey).GetString(),
             data.GetProperty(CardVerbs.IntroKey).GetString(), data.GetProperty(CardVerbs.VerbKey).GetString()));
        Assert.False(action.TryGetProperty("fallback", out _));
        Assert.Null(anonymous.UserIds);
        Assert.Equal(CardVerbs.IntroStatus, ((ExecuteAction)anonymous.Action).Data[CardVerbs.IntroKey]);
    }
}
