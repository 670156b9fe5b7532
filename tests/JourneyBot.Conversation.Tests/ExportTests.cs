using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>The exports keep what members typed as text, whatever it looks like.</summary>
public sealed class ExportTests
{
    private const string Hostile = "<script>alert(1)</script> \"quoted\", =HYPERLINK(\"http://evil\") [x](http://evil) **b**";

    private static (JourneyMap Map, MapBoard Board) HostileMap()
    {
        var (map, board) = CardSizeTests.SampleMap(3, 6, 60);
        var item = board.Items[0] with { Text = Hostile };
        return (map, board with { Items = [item, .. board.Items.Skip(1)] });
    }

    [Fact]
    public void The_page_encodes_every_text_and_loads_nothing()
    {
        var (map, board) = HostileMap();

        var html = MapPage.Html(map, board);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.All(map.Stages, s => Assert.Contains(s.Name, html, StringComparison.Ordinal));
        Assert.Contains("<img alt=\"Emotion curve\" src=\"data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_quotes_every_field_and_defuses_formulas()
    {
        var (map, board) = HostileMap();

        var lines = MapExport.Csv(map, board).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(board.Items.Count + 1, lines.Length);
        Assert.StartsWith("stage_number,stage,kind,text", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("\"<script>alert(1)</script> \"\"quoted\"\", =HYPERLINK(\"\"http://evil\"\")", StringComparison.Ordinal));
        var formula = MapExport.Csv(map, board with { Items = [board.Items[0] with { Text = "=1+1" }] });
        Assert.Contains("\"'=1+1\"", formula, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_holds_every_item_with_its_text_unchanged()
    {
        var (map, board) = HostileMap();

        using var json = System.Text.Json.JsonDocument.Parse(MapExport.Json(map, board));

        var items = json.RootElement.GetProperty("items");
        Assert.Equal(board.Items.Count, items.GetArrayLength());
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("text").GetString() == Hostile);
    }

    [Fact]
    public void The_markdown_escapes_what_would_become_links_or_markup()
    {
        var (map, board) = HostileMap();

        var md = MapExport.Markdown(map, board);

        Assert.Contains(@"&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.Contains(@"\[x\](`http://evil`) \*\*b\*\*", md, StringComparison.Ordinal);
        Assert.All(map.Stages, s => Assert.Contains(s.Name, md, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-2", "\"-2\"")]
    [InlineData("-0.5", "\"-0.5\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("-cmd|' /C calc'!A0", "\"'-cmd|' /C calc'!A0\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    public void The_csv_keeps_negative_numbers_as_numbers_and_defuses_the_rest(string text, string field)
    {
        var (map, board) = HostileMap();

        var csv = MapExport.Csv(map, board with { Items = [board.Items[0] with { Text = text }] });

        Assert.Contains("," + field + ",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_writes_a_negative_score_as_a_number()
    {
        var (map, board) = HostileMap();
        var feeling = board.Items[0] with { Kind = ItemKind.Emotion, Channel = null, Score = -2, Text = "angry" };

        var line = MapExport.Csv(map, board with { Items = [feeling] }).Split("\r\n")[1];

        Assert.Contains(",\"angry\",\"\",\"-2\",", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("see https://evil.example/login now", "see `https://evil.example/login` now")]
    [InlineData("www.evil.example", "`www.evil.example`")]
    [InlineData("HTTP://EVIL.example|x", "`HTTP://EVIL.example`\\|x")]
    [InlineData("(a_b://c).", "(a\\_`b://c`).")]
    public void The_markdown_shows_bare_addresses_as_code_not_links(string text, string expected)
    {
        var (map, board) = HostileMap();

        var md = MapExport.Markdown(map, board with { Items = [board.Items[0] with { Text = text }] });

        Assert.Contains(expected, md, StringComparison.Ordinal);
    }
}
