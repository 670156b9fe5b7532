using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Languages;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Issue 19: what overheard messages cost in a team whose language is not the member's Teams'. Talk
/// costs no round trip, whatever the language; a message that reads as something the bot takes
/// overheard in any language it speaks reads the team's language once, kept for <see cref="TeamLanguages.Lifetime"/>.
/// </summary>
public sealed class OverheardCostTests
{
    [Fact]
    public async Task Talk_costs_nothing_and_only_the_first_item_in_the_teams_words_reads_the_teams_language()
    {
        await using var session = await TableSessions.StartAsync();
        await Script.PlayAsync(session,
            [new("Alex", "empezar Zapatillas"), new("Alex", "x"), new("Alex", "skip"), new("Alex", "skip"), new("Alex", "skip"),
             new("Alex", "Descubrimiento, Compra"), new("Alex", "siguiente"), new("Megan", "departamento Ventas")], In("es-ES"));
        await session.OverhearAsync(Megan, "punto de contacto Compra | sitio web | Mira las tallas", In("en-US"));

        // Long after, by the session's clock: this instance no longer keeps the team's language.
        session.Clock.Advance(TeamLanguages.Lifetime * 3);
        var talk = await CountAsync(session, () => session.OverhearAsync(Megan, "Quedamos a las tres para comer", In("en-US")));
        var first = await CountAsync(session, () => session.OverhearAsync(Megan, "punto de contacto Compra | sitio web | Abre la app", In("en-US")));
        var next = await CountAsync(session, () => session.OverhearAsync(Megan, "punto de contacto Compra | sitio web | Paga con tarjeta", In("en-US")));

        Assert.Equal(0, talk);
        Assert.Equal((2, 1), (first, next)); // the team's language, then the item with her counts; then the item alone
        Assert.Equal(3, (await session.BoardAsync()).Items.Count);
    }

    private static async Task<long> CountAsync(MappingSession session, Func<Task> turn)
    {
        var metrics = session.Services.GetRequiredService<StorageMetrics>();
        var before = metrics.Total;
        await turn();
        return metrics.Total - before;
    }

    private static Func<UserTurn, UserTurn> In(string locale) => turn => turn with { Locale = locale };
}
