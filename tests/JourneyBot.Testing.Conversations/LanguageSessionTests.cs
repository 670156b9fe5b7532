using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Whole sessions typed in Spanish and in Romanian, by members whose Teams speaks that language:
/// their own command, kind, evidence and channel words (with and without diacritics), the
/// published map card, <c>help</c> and the dates in that language. On the store of the subclass
/// (in memory in JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// </summary>
public abstract class LanguageSessionTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static readonly Line[] Spanish =
    [
        new("Alex", "empezar Viaje de las zapatillas"),
        new("Alex", "Ayudar a los corredores novatos a comprar su primer par en línea"),
        new("Alex", "Ana, 34 años, empieza a correr"),
        new("Alex", "Decide empezar a correr"),
        new("Alex", "Primera carrera con las zapatillas nuevas"),
        new("Alex", "plantilla"),
        new("Alex", "siguiente"),
        new("Megan", "punto de contacto Compra | sitio web | Página de pago con opiniones | observado"),
        new("Megan", "departamento Ventas"),
        new("Adele", "dolor Compra | La guía de tallas confunde | clientes"),
        new("Adele", "problema Compra | Los gastos de envío se ven tarde | supuesto"),
        new("Isaiah", "oportunidad Compra | Probador virtual con una foto del pie | Producto | hipótesis"),
        new("Megan", "contacto Descubrimiento | redes sociales | Anuncio para corredores novatos | referido"),
        new("Alex", "siguiente"),
        new("Alex", "atras"),
        new("Alex", "seguir"),
        new("Megan", "votar {opportunity} {pain:tallas}"),
        new("Adele", "votar {opportunity}"),
        new("Alex", "asignar {opportunity} Isaiah para 2026-12-13", "13 dic 2026"),
        new("Alex", "publicar", "Sitio web:", "Redes sociales:", "Página de pago con opiniones", "Probador virtual con una foto del pie", "Descubrimiento"),
    ];

    private static readonly Line[] Romanian =
    [
        new("Alex", "incepe Călătoria pantofilor"),
        new("Alex", "Să ajutăm alergătorii începători să își cumpere online prima pereche"),
        new("Alex", "Ana, 34 de ani, începe să alerge"),
        new("Alex", "Hotărăște să înceapă să alerge"),
        new("Alex", "Prima alergare în pantofii noi"),
        new("Alex", "sablon"),
        new("Alex", "urmatorul"),
        new("Megan", "punct de contact Achiziție | site | Pagina de plată cu recenzii | observat"),
        new("Megan", "departament Vânzări"),
        new("Adele", "problemă Achiziție | Ghidul de mărimi e confuz | clienti"),
        new("Adele", "problema Achiziție | Costul livrării apare târziu | presupus"),
        new("Isaiah", "oportunitate Achiziție | Probă virtuală dintr-o poză a piciorului | Produs | ipoteza"),
        new("Megan", "contact Conștientizare | retele sociale | Reclamă pentru alergători începători | raportat"),
        new("Alex", "următorul"),
        new("Alex", "inapoi"),
        new("Alex", "continua"),
        new("Megan", "voteaza {opportunity} {pain:mărimi}"),
        new("Adele", "votează {opportunity}"),
        new("Alex", "atribuie {opportunity} Isaiah până la 2026-12-13", "13 dec. 2026"),
        new("Alex", "publica", "Site web:", "Rețele sociale:", "Pagina de plată cu recenzii", "Probă virtuală dintr-o poză a piciorului", "Conștientizare"),
    ];

    [Fact]
    public async Task A_session_typed_in_Spanish_is_mapped_and_published_in_Spanish()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = People.Roster;

        await Script.PlayAsync(session, Spanish, In("es-ES"));

        await CheckPublishedAsync(session, "es");
    }

    [Fact]
    public async Task A_session_typed_in_Romanian_is_mapped_and_published_in_Romanian()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = People.Roster;

        await Script.PlayAsync(session, Romanian, In("ro-RO"));

        await CheckPublishedAsync(session, "ro");
    }

    // The typed kinds, evidence and channel words reached the map, its template stages are named in the
    // language, as the map's.
    private static async Task CheckPublishedAsync(MappingSession session, string language)
    {
        var map = await session.MapAsync();
        var board = await session.BoardAsync();
        Assert.Equal(MapStatus.Published, map.Status);
        Assert.Equal(
            [Text("StageAwareness", language), Text("StageConsideration", language), Text("StagePurchase", language),
             Text("StageRetention", language), Text("StageAdvocacy", language)],
            map.Stages.Select(s => s.Name));
        Assert.Equal(
            ["Opportunity Assumed", "PainPoint Assumed", "PainPoint Reported", "Touchpoint Observed", "Touchpoint Reported"],
            board.Items.Select(i => $"{i.Kind} {i.Evidence}").Order(StringComparer.Ordinal));
        Assert.Equal(
            [TouchChannel.SocialNetworks, TouchChannel.Website],
            board.Items.Where(i => i.Kind == ItemKind.Touchpoint).Select(i => i.Channel!.Value).Order());
    }

    [Fact]
    public async Task Help_answers_in_the_language_of_the_members_Teams()
    {
        await using var session = await StartSessionAsync();

        var spanish = await session.SayAsync(People.Megan, "ayuda", In("es-ES"));
        var romanian = await session.SayAsync(People.Adele, "ajutor", Personal("ro-RO", "a:chat-adele"));

        Assert.Contains(SpanishHelp, CardText.Of(spanish), StringComparison.Ordinal);
        Assert.Contains(RomanianHelp, CardText.Of(romanian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_set_to_Romanian_answers_in_Romanian_while_a_Spanish_members_own_chat_answers_in_Spanish()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(People.Alex, "language ro", In("en-US"));

        var channel = await session.SayAsync(People.Megan, "ayuda", In("es-ES"));
        var personal = await session.SayAsync(People.Megan, "ayuda", Personal("es-ES", "a:chat-megan"));

        Assert.Contains(RomanianHelp, CardText.Of(channel), StringComparison.Ordinal);
        Assert.Contains(SpanishHelp, CardText.Of(personal), StringComparison.Ordinal);
    }

    // Stable words of help's first sentence in each language.
    private const string SpanishHelp = "guía a un equipo por el mapeo del viaje del cliente";
    private const string RomanianHelp = "conduce o echipă, în chat, prin realizarea hărții călătoriei clientului";

    private static Func<UserTurn, UserTurn> Personal(string locale, string chat) =>
        turn => turn with { Locale = locale, Scope = new MapScope(chat, chat), IsPersonalChat = true };

    private static Func<UserTurn, UserTurn> In(string locale) => turn => turn with { Locale = locale };

    private static string Text(string key, string language) =>
        Strings.ResourceManager.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException(key);
}
