using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Issue 19: what members type reads right in English, Spanish and Romanian. Setup answers that
/// start with a command word, stage names that hold the word that joins a rename, talk overheard in a
/// team whose language a member's Teams does not speak, and <c>undo</c> said without a mention. On
/// the store of the subclass (in memory in JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// </summary>
public abstract class TypedTextTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    [Theory]
    [InlineData("en-US", "start Shoes", "Start running at weekends", "Tracker fans who run at weekends", "Open the app", "Move to a second pair", "start Other shoes")]
    [InlineData("es-ES", "empezar Zapatillas", "Empezar a correr los fines de semana", "Corredores novatos", "Abrir la app",
        "Mover la segunda compra a la tienda", "empezar Otras zapatillas")]
    [InlineData("ro-RO", "începe Pantofi", "Începe să alerge în weekend", "Alergători începători", "Deschide aplicația", "Mută comanda în magazin", "incepe Alți pantofi")]
    public async Task A_setup_answer_that_starts_with_a_command_word_is_the_answer_and_one_that_starts_with_start_is_offered_as_one(
        string locale, string start, string objective, string persona, string startPoint, string endPoint, string startAnother)
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, start, In(locale));

        // "Start running…" could as well start another map: the card asks, and one of its buttons saves it as the answer.
        var asked = (await session.SayAsync(Alex, objective, In(locale))).Messages.Single().Card!;
        var saveAsAnswer = Assert.Single(Assert.Single(asked.Body.OfType<ActionSet>()).Actions);
        await session.PressAsync(Alex, saveAsAnswer.Title, null, asked, In(locale));
        await Script.PlayAsync(session, [new("Alex", persona), new("Alex", startPoint), new("Alex", endPoint)], In(locale));
        // No setup question waits at the stages step: start is the command, and its card offers no answer.
        var another = (await session.SayAsync(Alex, startAnother, In(locale))).Messages.Single().Card!;

        await Script.CheckAsync(session, new ExpectedMap
        {
            Step = MapStep.Stages, Objective = objective, Persona = persona, StartPoint = startPoint, EndPoint = endPoint, Stages = [],
        });
        Assert.Equal(2, asked.Actions!.Count);
        Assert.Equal(2, another.Actions!.Count);
        Assert.Empty(another.Body.OfType<ActionSet>());
    }

    [Fact]
    public async Task Tracker_planner_or_off_typed_while_a_setup_question_waits_stays_the_command()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Shoes");

        var off = await session.SayAsync(Alex, "tracker off");
        await session.SayAsync(Alex, "Tracker fans buy again within 90 days");

        Assert.DoesNotContain(off.Messages, m => m.Card is not null);
        Assert.Equal("Tracker fans buy again within 90 days", (await session.MapAsync()).Objective);
    }

    [Theory]
    [InlineData("en-US", "start Shoes", "Browse, Buy", "rename stage Buy to Go to the store", "Go to the store")]
    [InlineData("es-ES", "empezar Zapatillas", "Descubrimiento, Compra", "renombrar etapa Compra a Ir a la tienda", "Ir a la tienda")]
    [InlineData("ro-RO", "începe Pantofi", "Descoperire, Achiziție", "redenumește etapa Achiziție în Mergi în oraș spre magazin", "Mergi în oraș spre magazin")]
    public async Task A_new_stage_name_may_hold_the_word_that_joins_the_rename(string locale, string start, string stages, string rename, string renamed)
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, [new("Alex", start), new("Alex", "x"), .. Skips(3), new("Alex", stages)], In(locale));

        await session.SayAsync(Alex, rename, In(locale));

        Assert.Equal(renamed, (await session.MapAsync()).Stages[1].Name);
    }

    [Theory]
    [InlineData("en-US", "rename stage Go to the store to Visit")]
    [InlineData("es-ES", "renombrar etapa Ir a la tienda a Visita")]
    [InlineData("ro-RO", "redenumește etapa Mergi în oraș în Visita")]
    public async Task A_stage_whose_name_holds_the_joining_word_is_renamed(string locale, string rename)
    {
        await using var session = await StartSessionAsync();
        var stages = locale switch { "en-US" => "Browse, Go to the store", "es-ES" => "Descubrimiento, Ir a la tienda", _ => "Descoperire, Mergi în oraș" };
        await Script.PlayAsync(session, [new("Alex", locale == "ro-RO" ? "începe Pantofi" : "start Shoes"), new("Alex", "x"), .. Skips(3), new("Alex", stages)],
            In(locale));

        await session.SayAsync(Alex, rename, In(locale));

        Assert.StartsWith("Visit", (await session.MapAsync()).Stages[1].Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-ES", "empezar Zapatillas", "Descubrimiento, Compra", "punto de contacto Compra | sitio web | Abre la app", "Quedamos a las tres")]
    [InlineData("ro-RO", "începe Pantofi", "Descoperire, Achiziție", "punct de contact Achiziție | site | Deschide aplicația", "Ne vedem la trei")]
    public async Task An_item_overheard_in_the_teams_words_is_taken_from_a_member_whose_Teams_speaks_English_whenever_it_comes(
        string locale, string start, string stages, string item, string talk)
    {
        await using var session = await StartSessionAsync();
        // The team speaks the language of whoever started its first map.
        await Script.PlayAsync(session, [new("Alex", start), new("Alex", "x"), .. Skips(3), new("Alex", stages), new("Alex", Next(locale))], In(locale));

        // Long after anyone here spoke: no instance keeps the team's language any more.
        session.Clock.Advance(TeamLanguages.Lifetime * 3);
        var taken = await session.OverhearAsync(Megan, item, In("en-US"));
        var ignored = await session.OverhearAsync(Megan, talk, In("en-US"));

        Assert.False(taken.Ignored);
        Assert.True(ignored.Ignored);
        Assert.Single((await session.BoardAsync()).Items, i => i.Author == Megan && i.Kind == ItemKind.Touchpoint);
    }

    [Theory]
    [InlineData("en-US", "start Shoes", "touchpoint Buy | website | Pays by card", "undo", "Undo the meeting of tomorrow")]
    [InlineData("es-ES", "empezar Zapatillas", "punto de contacto Buy | sitio web | Paga con tarjeta", "deshacer", "Deshacer la reunión de mañana")]
    [InlineData("ro-RO", "începe Pantofi", "punct de contact Buy | site | Plătește cu cardul", "anulează", "Anulează ședința de mâine")]
    [InlineData("ro-RO", "începe Pantofi", "punct de contact Buy | site | Plătește cu cardul", "Anuleaza", "anuleaza sedinta de maine")]
    public async Task Undo_said_alone_without_a_mention_takes_back_ones_last_item_in_every_language_and_a_sentence_starting_with_it_is_talk(
        string locale, string start, string item, string undo, string sentence)
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, [new("Alex", start), new("Alex", "x"), .. Skips(3), new("Alex", "Browse, Buy"), new("Alex", Next(locale))], In(locale));

        var nothingYet = await session.OverhearAsync(Megan, undo, In(locale));
        await session.OverhearAsync(Megan, item, In(locale));
        var talk = await session.OverhearAsync(Megan, sentence, In(locale));
        var kept = (await session.BoardAsync()).Items.Count;
        var undone = await session.OverhearAsync(Megan, undo, In(locale));

        Assert.True(nothingYet.Ignored); // nothing of hers to take back: the word was talk
        Assert.True(talk.Ignored);
        Assert.Equal(1, kept);
        Assert.False(undone.Ignored);
        Assert.Empty((await session.BoardAsync()).Items);
    }

    private static Line[] Skips(int count) => [.. Enumerable.Repeat(new Line("Alex", "skip"), count)];

    private static string Next(string locale) => locale switch { "es-ES" => "siguiente", "ro-RO" => "următorul", _ => "next" };

    private static Func<UserTurn, UserTurn> In(string locale) => turn => turn with { Locale = locale };
}
