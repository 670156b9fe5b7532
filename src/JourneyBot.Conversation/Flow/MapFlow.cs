using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// The method, top to bottom: the order of the steps and what each asks. A session moves through
/// these steps one at a time; only the facilitator moves it.
/// </summary>
public static class MapFlow
{
    /// <summary>The steps, in order.</summary>
    public static IReadOnlyList<MapStep> Steps { get; } =
        [MapStep.Objective, MapStep.Persona, MapStep.StartPoint, MapStep.EndPoint, MapStep.Stages, MapStep.Contribute, MapStep.Review];

    /// <summary>The four questions of the setup, each answered with one text.</summary>
    public static IReadOnlyList<SetupQuestion> Questions { get; } =
    [
        new(MapStep.Objective, "Business objective", Required: true,
            "What business objective should this map serve? A map without a known business goal wastes time and money, so I need this one before we go on.",
            "e.g. Raise the share of first-time buyers who buy again within 90 days",
            m => m.Objective, (m, v) => m.Objective = v),
        new(MapStep.Persona, "Persona", Required: false,
            "Who is the customer on this journey? Describe the persona in a sentence.",
            "e.g. Ana, 34, starting to run to get fit, price-aware, shops on her phone",
            m => m.Persona, (m, v) => m.Persona = v),
        new(MapStep.StartPoint, "Start point", Required: false,
            "Where does the journey start? The first moment that matters.",
            "e.g. Decides to start running",
            m => m.StartPoint, (m, v) => m.StartPoint = v),
        new(MapStep.EndPoint, "End point", Required: false,
            "Where does the journey end for this map?",
            "e.g. First run in the new shoes",
            m => m.EndPoint, (m, v) => m.EndPoint = v),
    ];

    /// <summary>The question asked at <paramref name="step"/>, if it is a setup step.</summary>
    public static SetupQuestion? QuestionAt(MapStep step) => Questions.FirstOrDefault(q => q.Step == step);

    /// <summary>1-based position of the step, for "Step 2 of 7".</summary>
    public static int Number(MapStep step) => Steps.ToList().IndexOf(step) + 1;

    /// <summary>The step after <paramref name="step"/>, or null at the end.</summary>
    public static MapStep? After(MapStep step) => Number(step) < Steps.Count ? Steps[Number(step)] : null;

    /// <summary>The step before <paramref name="step"/>, or null at the start.</summary>
    public static MapStep? Before(MapStep step) => Number(step) > 1 ? Steps[Number(step) - 2] : null;

    /// <summary>How a step reads.</summary>
    public static string Title(MapStep step) => step switch
    {
        MapStep.Stages => "Stages",
        MapStep.Contribute => "Contributions",
        MapStep.Review => "Review and vote",
        _ => QuestionAt(step)!.Title,
    };

    /// <summary>Whether members may add items at <paramref name="step"/>.</summary>
    public static bool IsOpenForContributions(MapStep step) => step is MapStep.Contribute or MapStep.Review;

    /// <summary>What is missing for the map to be published; empty when nothing is.</summary>
    public static IReadOnlyList<string> MissingForPublish(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var missing = new List<string>();
        if (string.IsNullOrEmpty(map.Objective))
        {
            missing.Add("the business objective");
        }

        if (string.IsNullOrEmpty(map.StartPoint))
        {
            missing.Add("the start point");
        }

        if (string.IsNullOrEmpty(map.EndPoint))
        {
            missing.Add("the end point");
        }

        var stagesWithTouchpoints = board.Items.Where(i => i.Kind == ItemKind.Touchpoint).Select(i => i.StageId).ToHashSet();
        if (!map.Stages.Any(s => stagesWithTouchpoints.Contains(s.Id)))
        {
            missing.Add("at least one stage with a touchpoint");
        }

        return missing;
    }
}

/// <summary>One setup question.</summary>
/// <param name="Step">Its step.</param>
/// <param name="Title">Its short name.</param>
/// <param name="Required">Whether the session may go on without an answer.</param>
/// <param name="Prompt">The question.</param>
/// <param name="Example">An example answer.</param>
/// <param name="Read">Reads the answer from the map.</param>
/// <param name="Write">Writes the answer to the map.</param>
public sealed record SetupQuestion(MapStep Step, string Title, bool Required, string Prompt, string Example,
    Func<JourneyMap, string?> Read, Action<JourneyMap, string> Write);
