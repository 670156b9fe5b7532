using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>A map header with its items and votes, as a turn or a card reads them from the store.</summary>
/// <param name="Map">The header. It is mutable, so every caller gets a map of its own.</param>
/// <param name="Board">The items (oldest first, as the store returns them) and votes.</param>
/// <param name="Departments">Each author's department, as the team remembers it.</param>
internal sealed record SampleMap(JourneyMap Map, MapBoard Board, IReadOnlyDictionary<Person, string> Departments);
