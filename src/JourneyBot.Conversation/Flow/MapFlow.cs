using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// The method, top to bottom: the order of the steps and what each asks. A session moves through
/// these steps one at a time; only the facilitator moves it.
/// </summary>
internal static class MapFlow
{
    /// <summary>The steps, in order.</summary>
    public static IReadOnlyList<MapStep> Steps { get; } =
        [MapStep.Objective, MapStep.Persona, MapStep.StartPoint, MapStep.EndPoint, MapStep.Stages, MapStep.Contribute, MapStep.Review];

    /// <summary>The four questions of the setup, each answered with one text.</summary>
    public static IReadOnlyList<SetupQuestion> Questions { get; } =
    [
        new(MapStep.Objective, Required: true, m => m.Objective, (m, v) => m.Objective = v),
        new(MapStep.Persona, Required: false, m => m.Persona, (m, v) => m.Persona = v),
        new(MapStep.StartPoint, Required: false, m => m.StartPoint, (m, v) => m.StartPoint = v),
        new(MapStep.EndPoint, Required: false, m => m.EndPoint, (m, v) => m.EndPoint = v),
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
        MapStep.Stages => Strings.StepStages,
        MapStep.Contribute => Strings.StepContribute,
        MapStep.Review => Strings.StepReview,
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
            missing.Add(Strings.MissingObjective);
        }

        if (string.IsNullOrEmpty(map.StartPoint))
        {
            missing.Add(Strings.MissingStartPoint);
        }

        if (string.IsNullOrEmpty(map.EndPoint))
        {
            missing.Add(Strings.MissingEndPoint);
        }

        var stagesWithTouchpoints = board.Items.Where(i => i.Kind == ItemKind.Touchpoint).Select(i => i.StageId).ToHashSet();
        if (!map.Stages.Any(s => stagesWithTouchpoints.Contains(s.Id)))
        {
            missing.Add(Strings.MissingTouchpoint);
        }

        return missing;
    }
}

/// <summary>One setup question; its words are read from the resources each time, in the language of the turn.</summary>
/// <param name="Step">Its step.</param>
/// <param name="Required">Whether the session may go on without an answer.</param>
/// <param name="Read">Reads the answer from the map.</param>
/// <param name="Write">Writes the answer to the map.</param>
internal sealed record SetupQuestion(MapStep Step, bool Required, Func<JourneyMap, string?> Read, Action<JourneyMap, string> Write)
{
    /// <summary>Its short name.</summary>
    public string Title => Step switch
    {
        MapStep.Objective => Strings.StepObjective,
        MapStep.Persona => Strings.StepPersona,
        MapStep.StartPoint => Strings.StepStartPoint,
        _ => Strings.StepEndPoint,
    };

    /// <summary>The question.</summary>
    public string Prompt => Step switch
    {
        MapStep.Objective => Strings.QuestionObjective,
        MapStep.Persona => Strings.QuestionPersona,
        MapStep.StartPoint => Strings.QuestionStartPoint,
        _ => Strings.QuestionEndPoint,
    };

    /// <summary>
    /// Coaching under the question, where the obvious answer is a trap: teams start the journey at the
    /// purchase, and seed 004 starts it earlier (deciding to start running, not deciding to buy shoes).
    /// </summary>
    public string? Coaching => Step == MapStep.StartPoint ? Strings.CoachingStartPoint : null;

    /// <summary>An example answer.</summary>
    public string Example => Step switch
    {
        MapStep.Objective => Strings.ExampleObjective,
        MapStep.Persona => Strings.ExamplePersona,
        MapStep.StartPoint => Strings.ExampleStartPoint,
        _ => Strings.ExampleEndPoint,
    };
}
