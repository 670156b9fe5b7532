using System.Globalization;
using JourneyBot.Conversation.Resources;
using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// A session in Spanish in a team channel of Agents Playground, from <c>empezar</c> to <c>publicar</c>,
/// the facilitator pressing every button the cards show by its Spanish title.
/// </summary>
/// <remarks>
/// Agents Playground 0.2.28 writes <c>locale: "en-US"</c> into every activity it makes: its message,
/// invoke, install and conversation-update generators have the literal (12 places in its
/// <c>dist/index.js</c>); no CLI option, environment variable, <c>.m365agentsplayground.yml</c> key
/// or browser language changes it. Only its "Mock an Activity › Custom activity" editor sends a
/// hand-written activity, one at a time, and every typed message and card press after it is en-US
/// again. So the channel is put in Spanish as a team would: <c>idioma es</c> first, after which the
/// team's language rules every post there whatever the member's locale. The texts looked for are
/// the Spanish resources themselves, so a change of wording moves the test with it.
/// </remarks>
public sealed class SpanishSessionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private const string MapName = "Primer pedido online";
    private const string Member = "Alex Wilber";
    private const string Pain = "La tarifa de envío aparece solo al pagar";
    private const string Expects = "Saber el coste total antes de pagar";
    private const string Touchpoint = "Elige una franja de entrega en la web";
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    private IPage Page => session.Page;

    [Fact]
    public async Task A_facilitator_maps_and_publishes_a_journey_in_spanish_in_a_channel_thread()
    {
        // The language command is read in every language, whatever the member's Teams speaks.
        var language = await session.PostMentioningBotAsync("Shoe Co - General", "idioma es");
        await Assertions.Expect(language.Root).ToContainTextAsync(Before("LanguageSet"));

        // Setup: one card that turns into each next question; every one of its buttons pressed.
        var thread = await session.PostMentioningBotAsync("Shoe Co - General", "empezar " + MapName);
        var card = thread.Root.Locator(".ac-adaptiveCard").First;
        await AnswerAsync(card, S("StepObjective"), "Más primeros pedidos sin llamar a soporte");
        await PressAsync(card, S("ButtonSkip"));
        await Assertions.Expect(card.GetByLabel(S("StepStartPoint"))).ToBeVisibleAsync();
        await PressAsync(card, S("ButtonBack"));
        await AnswerAsync(card, S("StepPersona"), "Sara, 41, compra online por primera vez");
        await AnswerAsync(card, S("StepStartPoint"), "Oye hablar de la entrega en el día");
        await AnswerAsync(card, S("StepEndPoint"), "Desempaqueta el primer pedido");
        await card.GetByLabel(S("StagesInputLabel")).FillAsync("Descubrir\nPedir");
        await PressAsync(card, S("ButtonSaveStages"));
        await Assertions.Expect(card).ToContainTextAsync("2. Pedir");
        await PressAsync(card, S("ButtonUseTemplate"));
        await Assertions.Expect(card).ToContainTextAsync("5. " + S("StageAdvocacy"));
        await PressAsync(card, S("ButtonStageDetails"));
        await card.GetByLabel(Fill("StageExpectsLabel", ("stage", "3. " + S("StagePurchase")))).FillAsync(Expects);
        await PressAsync(card, S("ButtonSaveStageDetails"));
        await Assertions.Expect(card).ToContainTextAsync(Before("StageDetailsSaved"));
        await session.ScreenshotAsync("spanish-1-stages", card);
        await PressAsync(card, S("ButtonContinue"));

        // Contributions: the form and the progress card in Spanish; each entry's opener shows its fields.
        var form = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = S("ContributeIntro") });
        var progress = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + S("ProgressSuffix") }).Last;
        await Assertions.Expect(progress).ToContainTextAsync(Before("NobodyContributed"));
        foreach (var kind in new[] { "TitleEmotion", "TitleOpportunity", "TitleThought", "TitleBrightSpot", "TitleGoal", "TitleAction" })
        {
            await PressAsync(form, Fill("ContributeEntry", ("kind", S(kind))));
        }

        // A touchpoint (a map is published with one at least) and a pain point, each on its entry.
        await AddAsync(form, "TitleTouchpoint", "ContributeTouchpointLabel", Touchpoint, "3. " + S("StagePurchase"),
            (S("ContributeChannelLabel"), S("ChannelWebsite")));

        // The facilitator has no department yet: the bot asks, in Spanish.
        var department = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = Fill("AskDepartment", ("member", Member)) });
        await department.GetByLabel(S("DepartmentLabel")).FillAsync("Marketing");
        await PressAsync(department, S("ButtonSave"));
        await Assertions.Expect(progress).ToContainTextAsync(Member + " (Marketing) 1");

        // The next entry starts on the stage just used.
        await AddAsync(form, "TitlePainPoint", "ContributePainLabel", Pain);
        await session.ScreenshotAsync("spanish-2-contribution-card", form);
        await Assertions.Expect(progress).ToContainTextAsync(Member + " (Marketing) 2");
        await session.ScreenshotAsync("spanish-3-progress-card", progress);

        // The progress card's buttons: a round of questions, not sent now; then the review.
        await PressAsync(progress, S("ButtonAskDepartments"));
        var routing = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + S("RoutingSuffix") }).Last;
        await Assertions.Expect(routing).ToContainTextAsync(Before("RoutingWhoIsAsked"));
        await session.ScreenshotAsync("spanish-4-routing-card", routing);
        await PressAsync(routing, S("ButtonNotNow"));
        await Assertions.Expect(routing).ToContainTextAsync(Before("RoundNotSent"));

        // Review: there and back, a vote, publish.
        await PressAsync(progress, S("ButtonToReview"));
        var review = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = S("StepReview") }).Last;
        await PressAsync(review, S("ButtonBackToContributions"));
        await Assertions.Expect(progress.GetByRole(AriaRole.Button, new() { Name = S("ButtonToReview") })).ToBeVisibleAsync();
        await PressAsync(progress, S("ButtonToReview"));
        await review.GetByRole(AriaRole.Checkbox, new() { Name = Pain, Exact = false }).CheckAsync();
        await PressAsync(review, S("ButtonVote"));
        await Assertions.Expect(review.GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync();
        await session.ScreenshotAsync("spanish-5-review", review);
        await PressAsync(review, S("ButtonPublish"));

        var map = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = Before("MapPublished") });
        await Assertions.Expect(map).ToContainTextAsync("Más primeros pedidos sin llamar a soporte");
        await Assertions.Expect(map).ToContainTextAsync(Pain);
        await Assertions.Expect(map).ToContainTextAsync(Touchpoint);
        await Assertions.Expect(map).ToContainTextAsync(S("ChannelWebsite"));
        await Assertions.Expect(map).ToContainTextAsync("3. " + S("StagePurchase"));
        foreach (var english in new[] { "Customer journey map", "Objective", "Journey:", "Pain point", "published", "vote" })
        {
            await Assertions.Expect(map).Not.ToContainTextAsync(english);
        }

        // A page tall enough for the whole card: an element shot taken while scrolling catches the Playground's toolbar.
        await Page.SetViewportSizeAsync(1400, 3200);
        await session.ScreenshotAsync("spanish-6-published", map);
        await session.ScreenshotAsync("spanish-7-thread", thread.Root);

        // Every button of the map card: the full page, and the exports, each in the team's language.
        var fullMap = await PressAndReadLinkAsync(map, S("ButtonFullMap"));
        Assert.StartsWith($"http://127.0.0.1:{session.Bot.Port}/maps/", fullMap, StringComparison.Ordinal);
        var page = await Page.Context.NewPageAsync();
        await page.GotoAsync(fullMap);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(MapName);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(Pain);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(S("StagePurchase"));
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(Expects);
        var pageShot = Path.Combine(PlaygroundSession.ArtifactsFolder, "spanish-8-full-map-page.png");
        await page.ScreenshotAsync(new() { Path = pageShot, FullPage = true });
        RunSummary.Screenshot(pageShot);
        foreach (var (button, type) in new[] { ("ButtonCsv", "text/csv"), ("ButtonMarkdown", "text/markdown"), ("ButtonJson", "application/json") })
        {
            var export = await page.APIRequest.GetAsync(await PressAndReadLinkAsync(map, S(button)));
            Assert.Equal(200, export.Status);
            Assert.StartsWith(type, export.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains(Pain, await export.TextAsync(), StringComparison.Ordinal);
        }

        // Spanish throughout though every message and press came as en-US: the team's language rules
        // the channel. Should a Playground send the member's own locale, this fails: then let it send
        // es-ES and leave out the idioma es.
        var sent = session.Tap.Activities.Where(a => (string?)a["type"] is "message" or "invoke").ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, a => Assert.Equal("en-US", (string?)a["locale"]));
    }

    // Opens a kind's entry, fills it and presses its Add: the stage is picked only when given (else
    // the entry starts on the stage used last); every entry asks how we know, with nothing picked.
    private async Task AddAsync(ILocator form, string kind, string label, string text, string? stage = null,
        (string Label, string Option)? choice = null)
    {
        await PressAsync(form, Fill("ContributeEntry", ("kind", S(kind))));
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = S("ButtonAdd"), Exact = true })).ToHaveCountAsync(1);
        if (stage is not null)
        {
            await PlaygroundSession.PickAsync(Page, form, S("ContributeStageLabel"), stage);
        }

        await form.GetByLabel(S(label)).FillAsync(text);
        if (choice is var (choiceLabel, option))
        {
            await PlaygroundSession.PickAsync(Page, form, choiceLabel, option);
        }

        await PlaygroundSession.PickAsync(Page, form, S("ContributeEvidenceLabel"), S("ContributeEvidenceObserved"));
        await PressAsync(form, S("ButtonAdd"));
        await Assertions.Expect(form).ToContainTextAsync("✔ " + Before("ItemAdded"));
        await Assertions.Expect(form.GetByLabel(S(label))).ToHaveValueAsync(string.Empty);
    }

    private static string S(string key) =>
        Strings.ResourceManager.GetString(key, Spanish) ?? throw new InvalidOperationException("No Spanish text for " + key);

    private static string Fill(string key, (string Slot, string Value) slot) => S(key).Replace("{" + slot.Slot + "}", slot.Value, StringComparison.Ordinal);

    // What a card shows of a text up to its first placeholder, without the Markdown marks.
    private static string Before(string key)
    {
        var text = S(key).Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);
        var slot = text.IndexOf('{', StringComparison.Ordinal);
        return (slot < 0 ? text : text[..slot]).Trim();
    }

    // Answers the card's question; the card turns into the next one before anything else is pressed.
    private static async Task AnswerAsync(ILocator card, string label, string text)
    {
        await card.GetByLabel(label).FillAsync(text);
        await PressAsync(card, S("ButtonSave"));
        await Assertions.Expect(card.GetByLabel(label)).ToHaveCountAsync(0);
    }

    private static Task PressAsync(ILocator card, string button) =>
        card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    // Presses a link button of the card (nothing opens in the Playground) and returns the address its tooltip shows.
    private static async Task<string> PressAndReadLinkAsync(ILocator card, string button)
    {
        var press = card.Locator($"[aria-label='{button}'], [title^='{button}']").First;
        await press.ClickAsync();
        var tooltip = await press.GetAttributeAsync("title") ?? string.Empty;
        return tooltip.Split('\n').Last().Trim();
    }
}
