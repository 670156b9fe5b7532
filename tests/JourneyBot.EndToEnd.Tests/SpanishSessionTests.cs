using System.Globalization;
using JourneyBot.Conversation.Resources;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// A session in Spanish in a team channel of Agents Playground, from <c>empezar</c> to <c>publicar</c>,
/// the facilitator pressing the cards' buttons by their Spanish titles.
/// </summary>
/// <remarks>
/// Agents Playground 0.2.28 writes <c>locale: "en-US"</c> into every activity it makes (its
/// message, invoke and install generators have it as a literal; neither its CLI, its
/// .m365agentsplayground.yml nor the browser's language changes it), so the channel is set to
/// Spanish the way a team would: <c>language es</c> first (an en-US turn reads English command words only). The texts looked for are the Spanish
/// resources themselves, so a change of wording moves the test with it.
/// </remarks>
public sealed class SpanishSessionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private const string MapName = "Primer pedido online";
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    private IPage Page => session.Page;

    [Fact]
    public async Task A_facilitator_maps_and_publishes_a_journey_in_spanish_in_a_channel_thread()
    {
        // The Playground speaks en-US: the channel is put in Spanish. An en-US turn knows English command
        // words only ("idioma es" there is answered "Sorry, I didn't understand that"), so the English word.
        var language = await session.PostMentioningBotAsync("Shoe Co - General", "language es");
        await Assertions.Expect(language.Root).ToContainTextAsync("Hecho: a partir de ahora publico aquí en");

        var thread = await session.PostMentioningBotAsync("Shoe Co - General", "empezar " + MapName);
        var card = thread.Root.Locator(".ac-adaptiveCard").First;
        await Assertions.Expect(card).ToContainTextAsync(S("StepObjective"));
        await AnswerAsync(card, S("StepObjective"), "Más primeros pedidos sin llamar a soporte");
        await PressAsync(card, S("ButtonSkip"));
        await Assertions.Expect(card.GetByLabel(S("StepStartPoint"))).ToBeVisibleAsync();
        await PressAsync(card, S("ButtonBack"));
        await AnswerAsync(card, S("StepPersona"), "Sara, 41, compra online por primera vez");
        await AnswerAsync(card, S("StepStartPoint"), "Oye hablar de la entrega en el día");
        await AnswerAsync(card, S("StepEndPoint"), "Desempaqueta el primer pedido");
        await PressAsync(card, S("ButtonUseTemplate"));
        await session.ScreenshotAsync("spanish-1-stages", card);
        await PressAsync(card, S("ButtonContinue"));

        // Contributions: the form and the progress card in Spanish.
        var form = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = S("ContributeIntro") });
        var progress = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + S("ProgressSuffix") }).Last;
        await Assertions.Expect(progress).ToContainTextAsync("Han aportado:");
        await PressAsync(form, Fill("ContributeEntry", ("kind", S("TitlePainPoint"))));
        await form.GetByLabel(S("ContributePainLabel")).FillAsync("La tarifa de envío aparece solo al pagar");
        await PlaygroundSession.PickAsync(Page, form, S("ContributeEvidenceLabel"), S("ContributeEvidenceObserved"));
        await PressAsync(form, S("ButtonAdd"));
        await Assertions.Expect(form.GetByLabel(S("ContributePainLabel"))).ToHaveValueAsync(string.Empty);
        await session.ScreenshotAsync("spanish-2-contribution-card", form);

        // The facilitator has no department yet: the bot asks, in Spanish.
        var department = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = "¿en qué departamento estás?" });
        await department.GetByLabel(S("DepartmentLabel")).FillAsync("Marketing");
        await PressAsync(department, S("ButtonSave"));
        await Assertions.Expect(progress).ToContainTextAsync("Han aportado");
        await session.ScreenshotAsync("spanish-3-progress-card", progress);

        // Review: there and back, a vote, publish.
        await PressAsync(progress, S("ButtonToReview"));
        var review = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = S("StepReview") }).Last;
        await PressAsync(review, S("ButtonBackToContributions"));
        await PressAsync(progress, S("ButtonToReview"));
        await review.GetByRole(AriaRole.Checkbox, new() { Name = "La tarifa de envío aparece solo al pagar", Exact = false }).CheckAsync();
        await PressAsync(review, S("ButtonVote"));
        await session.ScreenshotAsync("spanish-4-review", review);
        await PressAsync(review, S("ButtonPublish"));

        var map = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Mapa de viaje del cliente · publicado" });
        await Assertions.Expect(map).ToContainTextAsync("Más primeros pedidos sin llamar a soporte");
        await Assertions.Expect(map).ToContainTextAsync("La tarifa de envío aparece solo al pagar");
        await Assertions.Expect(map).Not.ToContainTextAsync("Customer journey map");
        // A page tall enough for the whole card: an element shot taken while scrolling catches the Playground's toolbar.
        await Page.SetViewportSizeAsync(1400, 3200);
        await session.ScreenshotAsync("spanish-5-published", map);
        await session.ScreenshotAsync("spanish-6-thread", thread.Root);
    }

    private static string S(string key) =>
        Strings.ResourceManager.GetString(key, Spanish) ?? throw new InvalidOperationException("No Spanish text for " + key);

    private static string Fill(string key, (string Slot, string Value) slot) => S(key).Replace("{" + slot.Slot + "}", slot.Value, StringComparison.Ordinal);

    // Answers the card's question; the card turns into the next one before anything else is pressed.
    private static async Task AnswerAsync(ILocator card, string label, string text)
    {
        await card.GetByLabel(label).FillAsync(text);
        await PressAsync(card, S("ButtonSave"));
        await Assertions.Expect(card.GetByLabel(label)).ToHaveCountAsync(0);
    }

    private static Task PressAsync(ILocator card, string button) =>
        card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
}
