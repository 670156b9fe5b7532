using System.Globalization;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>demo</c>: builds and publishes the example map by playing <see cref="DemoScript"/> as a
/// session of its own, through the same turns, validation and storage as a real one.
/// </summary>
/// <param name="store">Where maps live.</param>
/// <param name="sessions">Starts the example map.</param>
/// <param name="clock">Today, which the example's due dates count from.</param>
/// <param name="play">Plays one turn through the whole conversation.</param>
internal sealed class DemoHandler(IMapStore store, SessionHandlers sessions, TimeProvider clock, Func<UserTurn, CancellationToken, Task<TurnOutcome>> play)
{
    public async Task<TurnOutcome> DemoAsync(CommandTurn command, DemoCommand demo, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        if (current?.Map.Status == MapStatus.Active)
        {
            return new TurnOutcome().Say(Strings.DemoWhileMapping.Fill(("map", Markdown.Escape(current.Map.Name))));
        }

        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        var name = Strings.DemoMapName;
        for (var n = 2; maps.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            name = $"{Strings.DemoMapName} ({n})";
        }

        var outcome = await sessions.StartAsync(command with { Turn = Step(turn, 0, turn.From, string.Empty) },
            new StartCommand(name, Example: true), cancellationToken);
        // The example's words are taken once, in the language of the turn that asked for it, so every
        // step names the same stages and items even if a step's own turn runs in another language.
        var lines = DemoScript.Lines();
        for (var i = 0; i < lines.Count; i++)
        {
            var (who, says) = lines[i];
            var text = !says.Contains('{', StringComparison.Ordinal) ? says
                : says.StartsWith("vote", StringComparison.Ordinal) ? await ResolveVotesAsync(turn, says, cancellationToken)
                : await ResolveActAsync(turn, says, cancellationToken);
            outcome = await play(Step(turn, i + 1, who ?? turn.From, text), cancellationToken);
        }

        var result = new TurnOutcome().Say(Strings.DemoIntro.Fill(("facilitator", Markdown.Escape(turn.From.Name))));
        result.Messages.AddRange(outcome.Messages);
        return result;
    }

    // Each step of the example is a turn of its own, with an activity id derived from the demo's,
    // so a redelivered "demo" adds nothing twice.
    private static UserTurn Step(UserTurn demo, int index, Person who, string text) =>
        new(demo.Scope, who, $"{demo.ActivityId}/demo/{index}", text);

    // act/park: "{Fit finder …}" is the opportunity's id (truth: "{Tries the shoes on …}" the touchpoint's), "{me}" the member who asked, "{in 6 weeks}" a day from today.
    private async Task<string> ResolveActAsync(UserTurn turn, string says, CancellationToken cancellationToken)
    {
        var map = await store.GetConversationMapAsync(turn.Scope, cancellationToken);
        var board = map is null ? MapBoard.Empty : await store.GetBoardAsync(turn.Scope.TeamKey, map.Map.Id, cancellationToken);
        var parts = says.Split('{', '}');
        var named = says.StartsWith("truth", StringComparison.Ordinal) ? ItemKind.Touchpoint : ItemKind.Opportunity;
        for (var i = 1; i < parts.Length; i += 2)
        {
            parts[i] = parts[i] switch
            {
                "me" => turn.From.Name,
                var weeks when weeks.StartsWith("in ", StringComparison.Ordinal) =>
                    DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7 * int.Parse(weeks.Split(' ')[1], CultureInfo.InvariantCulture))
                        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var words => board.Items.FirstOrDefault(i => i.Kind == named && i.Text.Contains(words, StringComparison.OrdinalIgnoreCase))?.Id
                    ?? words,
            };
        }

        return string.Concat(parts);
    }

    // "{The size guide …}" names the item with that text.
    private async Task<string> ResolveVotesAsync(UserTurn turn, string says, CancellationToken cancellationToken)
    {
        // Another turn in the thread (a "start" sent meanwhile) may have replaced the demo's map:
        // then the items are not there, and the step votes for what it finds (the fuzzer met this as a 500).
        var map = await store.GetConversationMapAsync(turn.Scope, cancellationToken);
        if (map is null)
        {
            return "vote";
        }

        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Map.Id, cancellationToken);
        var words = says.Split('{', '}').Where((_, i) => i % 2 == 1);
        var ids = words.Select(w => board.Items.FirstOrDefault(i => i.Text.Contains(w, StringComparison.OrdinalIgnoreCase)
            && i.Kind is ItemKind.PainPoint or ItemKind.Opportunity)?.Id).OfType<string>();
        return "vote " + string.Join(' ', ids);
    }
}
