using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>Builds a map through the public model, the way the store would hand it back.</summary>
internal sealed class SampleMapBuilder
{
    // Every sample map starts at the same instant, so runs build byte-identical cards.
    private static readonly DateTimeOffset Started = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly JourneyMap _map;
    private readonly List<MapItem> _items = [];
    private readonly Dictionary<Person, string> _departments = [];

    public SampleMapBuilder(string name, Person facilitator, MapStep step, MapStatus status)
    {
        _map = new JourneyMap
        {
            Id = ItemIds.For("bench-start-activity", "map:" + name),
            Name = name,
            Facilitator = facilitator,
            ConversationKey = BenchScope.Channel.ConversationKey,
            CreatedAt = Started,
            Step = step,
            Status = status,
        };
        if (status == MapStatus.Published)
        {
            _map.PublishedAt = Started.AddDays(3);
            _map.PublishedBy = facilitator;
        }
    }

    public SampleMapBuilder Scope(string objective, string persona, string startPoint, string endPoint)
    {
        _map.Objective = objective;
        _map.Persona = persona;
        _map.StartPoint = startPoint;
        _map.EndPoint = endPoint;
        return this;
    }

    public SampleMapBuilder Stages(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _map.AddStage(name);
        }

        return this;
    }

    public IReadOnlyList<Stage> StageList => _map.Stages;

    /// <summary>Adds an item as the turn would store it: id from its activity, author, department, time.</summary>
    public void Add(Person author, string department, MapItem draft)
    {
        _departments[author] = department;
        _items.Add(draft with
        {
            Id = ItemIds.For($"bench-activity-{_items.Count}", "item:" + _map.Id),
            Author = author,
            AuthorDepartment = department,
            CreatedAt = Started.AddMinutes(10 + _items.Count),
        });
    }

    /// <summary>The map with every member's dot votes: <paramref name="votesEach"/> pain points and opportunities, spread over the map.</summary>
    public SampleMap Build(int votesEach)
    {
        var votable = _items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).Select(i => i.Id).ToList();
        var voters = _departments.Keys.ToList();
        var votes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var v = 0; v < voters.Count; v++)
        {
            // Overlapping windows, so a few items collect several votes and the ranking matters.
            votes[voters[v].Id] = [.. Enumerable.Range(0, Math.Min(votesEach, votable.Count)).Select(k => votable[((v * 2) + (k * 3)) % votable.Count]).Distinct()];
        }

        return new SampleMap(_map, new MapBoard([.. _items], votes), new Dictionary<Person, string>(_departments));
    }

    public static MapItem Draft(Stage stage, ItemKind kind, string text, Evidence evidence = Evidence.Assumed) => new()
    {
        Id = string.Empty,
        Kind = kind,
        StageId = stage.Id,
        Text = text,
        Evidence = evidence,
        Author = new Person(string.Empty, string.Empty),
    };
}
