using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Testing;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Every card the bot sends, in each of its languages (English, Spanish, Romanian), parsed, validated
/// and rendered by the official Adaptive Cards renderer (npm adaptivecards, what Teams' web clients
/// build on) in headless Chromium. Until a language's Strings file lands its cards show the English
/// fallback texts; the check covers the translation as soon as it is there.
/// </summary>
public sealed class CardRendererTests : IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    // A rerun after changing a few cards can name them: JOURNEYBOT_CARDS="contribute,owner" and/or
    // JOURNEYBOT_CARD_LANGUAGES="es,ro" (unset: every card in every language, as the test command runs it).
    public static TheoryData<string, string> Cards => new(
        InCulture.Languages.Where(Chosen("JOURNEYBOT_CARD_LANGUAGES"))
            .SelectMany(language => CardCatalogue.All().Select(c => (c.Name, language)).Where(c => Chosen("JOURNEYBOT_CARDS")(c.Name))));

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync(width: 480, height: 900);
        var renderer = Path.Combine(RepoPaths.Root, "tools", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        if (!File.Exists(renderer))
        {
            throw new InvalidOperationException("npm adaptivecards is not installed: run scripts/ensure-tools.sh (scripts/test.sh does).");
        }

        await _chromium.Page.SetContentAsync("<!doctype html><html><body style='font-family:sans-serif;width:440px'></body></html>");
        await _chromium.Page.AddScriptTagAsync(new() { Path = renderer });
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    private static Func<string, bool> Chosen(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } names
            ? name => names.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal)
            : _ => true;

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task The_card_parses_validates_and_renders_with_the_official_renderer(string name, string language)
    {
        // The catalogue builds its cards as it is read, so reading it in the language builds them in it.
        var card = InCulture.Run(language, () => CardCatalogue.All().Single(c => c.Name == name).Card);
        var json = JsonSerializer.Serialize(card, CardJson.Default.AdaptiveCard);

        var result = await _chromium.Page.EvaluateAsync<RenderResult>(RenderScript, new { json, name });

        Assert.Empty(result.ParseEvents);
        Assert.Empty(result.ValidationEvents);
        Assert.True(result.Html.Length > 200, result.Html);
        Assert.Contains("ac-adaptiveCard", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", result.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", result.Html, StringComparison.Ordinal);
        var folder = RepoPaths.Artifacts("cards");
        await File.WriteAllTextAsync(Path.Combine(folder, $"{name}.{language}.json"), json, TestContext.Current.CancellationToken);
        var shot = Path.Combine(folder, $"{name}.{language}.png");
        await _chromium.Page.Locator($"#card-{name}").ScreenshotAsync(new() { Path = shot });
        RunSummary.Add($"card {name} ({language}): {json.Length:N0} bytes, screenshot {Path.GetRelativePath(RepoPaths.Root, shot)}");
    }

    [Fact]
    public async Task The_renderer_check_reports_unknown_elements_and_invalid_values()
    {
        const string Broken = """
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"Input.Telepathy","id":"x"},
              {"type":"TextBlock","text":"hi","size":"Gigantic"},
              {"type":"Input.Text","id":"a"},{"type":"Input.Text","id":"a"}]}
            """;

        var result = await _chromium.Page.EvaluateAsync<RenderResult>(RenderScript, new { json = Broken, name = "broken" });

        Assert.Contains(result.ParseEvents, e => e.StartsWith("UnknownElementType", StringComparison.Ordinal));
        Assert.Contains(result.ParseEvents, e => e.StartsWith("InvalidPropertyValue", StringComparison.Ordinal));
        Assert.Contains(result.ValidationEvents, e => e.StartsWith("DuplicateId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_renderer_check_reports_an_id_used_twice_across_shown_cards_and_more_buttons_than_Teams_shows()
    {
        var shown = string.Join(',', Enumerable.Range(1, 7).Select(n =>
            $$$"""{"type":"Action.ShowCard","title":"+ {{{n}}}","card":{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"{{{(n < 3 ? "same" : $"id{n}")}}}"}]}}"""));
        var json = $$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"hi"}],"actions":[{{shown}}]}""";

        var result = await _chromium.Page.EvaluateAsync<RenderResult>(RenderScript, new { json, name = "broken" });

        Assert.Contains(result.ValidationEvents, e => e.StartsWith("DuplicateId", StringComparison.Ordinal));
        Assert.Contains(result.ValidationEvents, e => e.StartsWith("TooManyActions", StringComparison.Ordinal));
    }

    // Parse with a serialization context that records every event (unknown element or action
    // types, invalid values), validate, and render into the page, with the buttons of Teams' host
    // config (as Agents Playground's page carries it): six in a row, shown cards opening inline.
    private const string RenderScript = """
        ({ json, name }) => {
          const payload = JSON.parse(json);
          const card = new AdaptiveCards.AdaptiveCard();
          card.hostConfig = new AdaptiveCards.HostConfig({
            actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline", inlineTopMargin: 16 }, actionsOrientation: "horizontal" },
          });
          const context = new AdaptiveCards.SerializationContext();
          card.parse(payload, context);
          const parseEvents = [];
          for (let i = 0; i < context.eventCount; i++) {
            const e = context.getEventAt(i);
            parseEvents.push(`${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
          }
          const validationEvents = [];
          const results = card.validateProperties();
          for (const e of results.validationEvents) {
            validationEvents.push(`${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
          }
          const element = card.render();
          const holder = document.createElement('div');
          holder.id = 'card-' + name;
          holder.style.margin = '8px';
          holder.style.border = '1px solid #ccc';
          holder.appendChild(element);
          document.body.replaceChildren(holder);
          return { parseEvents, validationEvents, html: element.outerHTML };
        }
        """;

    private sealed class RenderResult
    {
        public string[] ParseEvents { get; set; } = [];

        public string[] ValidationEvents { get; set; } = [];

        public string Html { get; set; } = string.Empty;
    }
}
