using System.Text.Json;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

/// <summary>Maps, scopes and items for the tests; every scope is a new team, so tests sharing a table never meet.</summary>
internal static class Maps
{
    public static readonly DateTimeOffset Morning = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static MapScope NewScope() =>
        new($"19:{Guid.NewGuid():N}@thread.tacv2", $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1740000000000");

    public static JourneyMap NewMap(MapScope scope, string? id = null, string name = "Onboarding") => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N")[..6],
        Name = name,
        Facilitator = new Person("29:1facilitator", "Fran"),
        ConversationKey = scope.ConversationKey,
        Objective = "Halve the time to a first order",
        CreatedAt = Morning,
    };

    public static MapItem NewItem(string id, int minute = 0, string text = "Hold music for 20 minutes") => new()
    {
        Id = id,
        Kind = ItemKind.PainPoint,
        StageId = "s1",
        Text = text,
        Author = new Person("29:1ana", "Ana"),
        AuthorDepartment = "Support",
        CreatedAt = Morning.AddMinutes(minute),
    };

    /// <summary>The map as stored, to compare two maps field by field.</summary>
    public static string Json(JourneyMap map) => JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap);

    public static string Json(MapItem item) => JsonSerializer.Serialize(item, MapJson.Storage.MapItem);
}
