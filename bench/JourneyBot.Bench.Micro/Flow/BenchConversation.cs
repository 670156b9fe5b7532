using JourneyBot.Conversation.Rounds;
using JourneyBot.Bench.Micro.Maps;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Micro.Flow;

/// <summary>
/// The conversation as the bot wires it (links on, the system clock), over the in-memory store,
/// with the typical map open for contributions in a channel thread and every author's department known.
/// </summary>
internal sealed class BenchConversation
{
    private BenchConversation(InMemoryMapStore store, JourneyConversation conversation, JourneyMap map)
    {
        Store = store;
        Conversation = conversation;
        Map = map;
    }

    public InMemoryMapStore Store { get; }

    public JourneyConversation Conversation { get; }

    /// <summary>The map as seeded (its id and stages; the stored copy is what turns change).</summary>
    public JourneyMap Map { get; }

    public static MapScope Scope => BenchScope.Channel;

    public static async Task<BenchConversation> OpenForContributionsAsync()
    {
        var store = new InMemoryMapStore(TimeProvider.System);
        var rounds = new RoundServices(new InMemoryRoundStore(), new NoTeamRoster(), new RecordingRoundTimers());
        var conversation = new JourneyConversation(store, new NoMemberDirectory(), TimeProvider.System, BenchLinks.Create(), rounds, new InMemoryActionStore());

        // The step after "next" at the stages: contributions open, the progress card posted.
        var sample = TypicalMap.Create(MapStep.Contribute, MapStatus.Active);
        sample.Map.ProgressActivityId = "1767261600999";

        // The facilitator's seven setup turns (start, objective, persona, start, end, stages, next) are
        // remembered in the document, as after a real session's setup; contributions add none.
        for (var turn = 0; turn < 7; turn++)
        {
            sample.Map.Remember($"17672616000{turn:D2}");
        }

        _ = await store.TryPlaceAsync(Scope, sample.Map, replacing: null, CancellationToken.None)
            ?? throw new InvalidOperationException("The conversation already holds a map.");
        foreach (var item in sample.Board.Items)
        {
            await store.TryAddItemAsync(Scope.TeamKey, sample.Map.Id, item, CancellationToken.None);
        }

        foreach (var (person, department) in sample.Departments)
        {
            await store.PutMemberAsync(Scope.TeamKey, person.Id, new TeamMember(department, AskedForDepartment: true), CancellationToken.None);
        }

        return new BenchConversation(store, conversation, sample.Map);
    }

    /// <summary>The values a press on one of this map's buttons sends at the contribution step, plus the inputs.</summary>
    public CardSubmit Press(string verb, params (string Key, string Value)[] inputs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CardVerbs.VerbKey] = verb,
            [CardVerbs.MapKey] = Map.Id,
            [CardVerbs.StepKey] = nameof(MapStep.Contribute),
        };
        foreach (var (key, value) in inputs)
        {
            values[key] = value;
        }

        return new CardSubmit(verb, values);
    }
}
