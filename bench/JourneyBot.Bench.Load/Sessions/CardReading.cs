using System.Text.Json;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>Reads what members see on a card the bot answered an invoke with.</summary>
internal static class CardReading
{
    /// <summary>The values of the choices of the input <paramref name="inputId"/> anywhere in the invoke answer's card.</summary>
    public static IReadOnlyList<string> ChoiceValues(string invokeAnswer, string inputId)
    {
        using var document = JsonDocument.Parse(invokeAnswer);
        var values = new List<string>();
        Collect(document.RootElement, inputId, values);
        return values;
    }

    private static void Collect(JsonElement element, string inputId, List<string> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, inputId, values);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == inputId
            && element.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            values.AddRange(choices.EnumerateArray()
                .Select(c => c.TryGetProperty("value", out var v) ? v.GetString() : null)
                .OfType<string>());
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Collect(property.Value, inputId, values);
        }
    }
}
