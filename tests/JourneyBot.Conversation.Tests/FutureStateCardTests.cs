using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The future state's pure parts and cards: what a future map takes from the current one, how the
/// two curves line up, the future map's card and its starting card within 28 KB, and the page's link.
/// </summary>
public sealed class FutureStateCardTests
{
    private static readonly Uri CurrentLink = new("https://journeybot.example/maps/current-token");

    private static (JourneyMap Current, MapBoard Board, JourneyMap Future) Pair(int stages, int itemsPerStage, int textLength)
    {
        var (current, board) = CardSizeTests.SampleMap(stages, itemsPerStage, textLength);
        current.Status = MapStatus.Published;
        current.PublishedVersion = 2;
        var future = FutureStates.Start(current, board, "Future " + new string('f', 70), new Person("member-0", "Member 0"), "c", DateTimeOffset.UnixEpoch);
        return (current, board, future);
    }

    [Fact]
    public void A_future_map_has_the_current_stages_and_its_five_most_voted_pain_points_and_opportunities()
    {
        var (current, board, future) = Pair(5, 12, 80);
        var tally = board.Tally();

        Assert.Equal(current.Stages, future.Stages);
        Assert.Equal((MapStatus.Active, MapStep.Contribute, FutureStates.IdOf(current.Id)), (future.Status, future.Step, future.Id));
        Assert.Equal((current.Id, current.Name, 2), (future.FutureOf!.CurrentMapId, future.FutureOf.CurrentName, future.FutureOf.CurrentVersion));
        var pains = board.Items.Where(i => i.Kind == ItemKind.PainPoint).OrderByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt);
        Assert.Equal(pains.Take(5).Select(i => i.Text), future.FutureOf.Remove.Select(p => p.Text));
        var opportunities = board.Items.Where(i => i.Kind == ItemKind.Opportunity).OrderByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt);
        Assert.Equal(opportunities.Take(5).Select(i => (i.Text, i.Owner, tally.GetValueOrDefault(i.Id))),
            future.FutureOf.Targets.Select(p => (p.Text, p.Owner, p.Votes)));
    }

    [Fact]
    public void The_current_curve_follows_the_future_stages_by_id_when_they_are_moved_renamed_or_added()
    {
        var (current, board, future) = Pair(3, 12, 40);
        var scores = EmotionCurve.Scores(current, board);
        future.Stages = [future.Stages[2] with { Name = "Renamed" }, future.Stages[0]];
        future.AddStage("New in the future");

        Assert.Equal([scores[2], scores[0], null], FutureStates.Baseline(future)!);
        Assert.Null(FutureStates.Baseline(current));
    }

    [Theory]
    [MemberData(nameof(CardSizeTests.MapsInEachLanguage), MemberType = typeof(CardSizeTests))]
    public void The_future_map_card_fits_in_28_KB_with_both_curves_its_brief_and_the_link_to_the_current_state(
        string language, string size, int stages, int itemsPerStage, int textLength)
    {
        using var culture = InCulture.Use(language);
        var (_, currentBoard, future) = Pair(stages, itemsPerStage, textLength);
        // Members map the future: the current items again, on the future map's stages (same ids).
        var board = currentBoard with { Items = [.. currentBoard.Items.Select(i => i with { Id = "f" + i.Id })] };
        var related = new RelatedMap(future.FutureOf!.CurrentName, IsFuture: false, MapStatus.Published, CurrentLink);

        var card = MapCard.For(future, board, new Uri("https://journeybot.example/maps/future-token"), "published", related: related);

        var bytes = MapCard.Bytes(card);
        TestContext.Current.TestOutputHelper?.WriteLine($"{size}: {bytes:N0} bytes");
        JourneyBot.Testing.RunSummary.Add($"future map card, {size} map, {language} ({stages} stages × {itemsPerStage} items of {textLength} chars): {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        if (language != "en")
        {
            return; // The texts checked below are the English ones; in Spanish and Romanian the budget is what is checked.
        }

        var text = CardText.Of(card);
        Assert.Contains($"Future state of [{Flow.Markdown.Escape(future.FutureOf.CurrentName)}]({CurrentLink}).", text, StringComparison.Ordinal);
        Assert.Contains("To remove (the current state's top pain points)", text, StringComparison.Ordinal);
        Assert.Contains("Design targets (the current state's opportunities)", text, StringComparison.Ordinal);
        if (itemsPerStage > 0)
        {
            Assert.Contains("Dashed: the current state (v2). Solid: the future state.", text, StringComparison.Ordinal);
            var picture = card.Body.OfType<Image>().SingleOrDefault();
            Assert.True(picture is null || picture.Url == EmotionCurve.DataUri(EmotionCurve.Scores(future, board), FutureStates.Baseline(future)));
            Assert.True(picture is not null || stages > 5, "Only a map of many long stages may lose its picture.");
        }
    }

    [Fact]
    public void The_card_that_starts_a_future_map_fits_in_28_KB_with_its_whole_brief()
    {
        var (_, _, future) = Pair(12, 200, 500);

        var card = FutureCard.Started(future);

        var bytes = MapCard.Bytes(card);
        TestContext.Current.TestOutputHelper?.WriteLine($"started: {bytes:N0} bytes");
        JourneyBot.Testing.RunSummary.Add($"future state started card, 5 + 5 points of 500 chars: {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        var text = CardText.Of(card);
        Assert.All(future.FutureOf!.Remove.Concat(future.FutureOf.Targets), p => Assert.Contains(TextRules.Shorten(p.Text, 160), text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_exports_carry_the_brief_and_link_the_other_map_or_say_the_current_map_was_deleted()
    {
        var (_, currentBoard, future) = Pair(3, 12, 40);
        future.FutureOf = future.FutureOf! with
        {
            CurrentName = "Shoes", Remove = [new("s1", "Checkout is =slow", 3)], Targets = [new("s2", "Virtual fitting", 1, "Product")],
        };
        var linked = new RelatedMap("Shoes", IsFuture: false, MapStatus.Published, CurrentLink);
        var deleted = linked with { Link = null, Deleted = true };

        var markdown = MapExport.Markdown(future, currentBoard, related: linked);
        var csv = MapExport.Csv(future, currentBoard, linked).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = System.Text.Json.JsonDocument.Parse(MapExport.Json(future, currentBoard, related: linked));

        Assert.Contains($"Future state of [Shoes]({CurrentLink}).", markdown, StringComparison.Ordinal);
        Assert.Contains("## To remove (the current state's top pain points)\n\n- Checkout is =slow (Stage 1 sssss · 3 votes)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Virtual fitting (Product · Stage 2 sssss · 1 vote)", markdown, StringComparison.Ordinal);
        Assert.Contains("\"1\",\"Stage 1 sssss\",\"to remove\",\"Checkout is =slow\"", csv[^3], StringComparison.Ordinal);
        Assert.StartsWith("\"2\",\"Stage 2 sssss\",\"design target\",\"Virtual fitting\",\"\",\"\",\"Product\"", csv[^2], StringComparison.Ordinal);
        Assert.Contains($"\"current state\",\"Future state of “Shoes” ({CurrentLink}).\"", csv[^1], StringComparison.Ordinal);
        var of = json.RootElement.GetProperty("currentState");
        Assert.Equal(("Shoes", "Published", 2, CurrentLink.ToString()),
            (of.GetProperty("name").GetString(), of.GetProperty("status").GetString(), of.GetProperty("version").GetInt32(), of.GetProperty("link").GetString()));
        Assert.Equal("Checkout is =slow", json.RootElement.GetProperty("brief").GetProperty("remove")[0].GetProperty("text").GetString());
        Assert.Equal("Product", json.RootElement.GetProperty("brief").GetProperty("targets")[0].GetProperty("owner").GetString());

        // The current map deleted: the exports say so, and link nothing.
        var gone = MapExport.Markdown(future, currentBoard, related: deleted) + MapExport.Csv(future, currentBoard, deleted);
        using var goneJson = System.Text.Json.JsonDocument.Parse(MapExport.Json(future, currentBoard, related: deleted));
        Assert.Contains("Future state of “Shoes”: the current map was deleted.", gone, StringComparison.Ordinal);
        Assert.DoesNotContain(CurrentLink.ToString(), gone, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, goneJson.RootElement.GetProperty("currentState").GetProperty("link").ValueKind);
        Assert.Equal("Deleted", goneJson.RootElement.GetProperty("currentState").GetProperty("status").GetString());

        // A current map links its future, being mapped.
        var (shoes, shoesBoard, _) = Pair(3, 12, 40);
        var futureLink = new Uri("https://journeybot.example/maps/future-token");
        var ahead = new RelatedMap("Shoes (future)", IsFuture: true, MapStatus.Active, futureLink);
        Assert.Contains($"Its future state: [Shoes (future)]({futureLink}), being mapped.", MapExport.Markdown(shoes, shoesBoard, related: ahead), StringComparison.Ordinal);
        Assert.EndsWith($"\"future state\",\"Its future state: “Shoes (future)” ({futureLink}), being mapped.\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"false\"",
            MapExport.Csv(shoes, shoesBoard, ahead).TrimEnd(), StringComparison.Ordinal);
        using var aheadJson = System.Text.Json.JsonDocument.Parse(MapExport.Json(shoes, shoesBoard, related: ahead));
        Assert.Equal(futureLink.ToString(), aheadJson.RootElement.GetProperty("futureState").GetProperty("link").GetString());

        // A map with no pair: nothing of it in the exports.
        var (plain, plainBoard) = CardSizeTests.SampleMap(2, 2, 20);
        Assert.DoesNotContain("brief", MapExport.Json(plain, plainBoard), StringComparison.Ordinal);
        Assert.DoesNotContain("state", MapExport.Csv(plain, plainBoard), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_and_card_of_a_future_whose_current_map_was_deleted_say_so_without_a_link()
    {
        var (_, currentBoard, future) = Pair(3, 12, 40);
        var deleted = new RelatedMap("Shoes", IsFuture: false, MapStatus.Published, Link: null) { Deleted = true };

        var html = MapPage.Html(future, currentBoard, related: deleted);
        var card = CardText.Of(MapCard.For(future, currentBoard, CurrentLink, "Published", related: deleted));

        Assert.Contains("Future state of “Shoes”: the current map was deleted.", html, StringComparison.Ordinal);
        Assert.Contains("Future state of “Shoes”: the current map was deleted.", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_links_the_other_map_of_the_pair_and_encodes_the_brief()
    {
        var (_, currentBoard, future) = Pair(3, 12, 40);
        future.FutureOf = future.FutureOf! with { CurrentName = "<b>Shoes</b>", Remove = [new("s1", "<script>x</script>", 3)] };
        var related = new RelatedMap("<b>Shoes</b>", IsFuture: false, MapStatus.Published, CurrentLink);

        var html = MapPage.Html(future, currentBoard, related: related);

        Assert.Contains($"Future state of <a href=\"{CurrentLink}\">&lt;b&gt;Shoes&lt;/b&gt;</a>.", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Dashed: the current state (v2). Solid: the future state.", html, StringComparison.Ordinal);
        var current = MapPage.Html(future, currentBoard, related: new RelatedMap("Shoes (future)", IsFuture: true, MapStatus.Active, Link: null));
        Assert.Contains("Its future state: “Shoes (future)”, being mapped.", current, StringComparison.Ordinal);
    }
}
