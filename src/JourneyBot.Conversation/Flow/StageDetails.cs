using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// What the customer expects in a stage and the event that moves them on to the next: set by
/// anyone once there are stages, typed one at a time or on the stages card for all of them.
/// </summary>
internal static class StageDetails
{
    /// <summary>The most characters of either detail: a sentence, so that twelve stages of both fit a card.</summary>
    public const int MaxLength = 200;

    /// <summary>Applies <paramref name="command"/>; returns a problem (and changes nothing) when it can't.</summary>
    public static string? Apply(JourneyMap map, StageDetailsCommand command)
    {
        var changed = new List<(int Index, Stage Stage)>();
        foreach (var input in command.Details)
        {
            var problem = Read(map, input, command.Typed, out var index, out var stage);
            if (problem is not null)
            {
                return problem;
            }

            changed.Add((index, stage!));
        }

        foreach (var (index, stage) in changed)
        {
            map.Stages[index] = stage;
        }

        return null;
    }

    // One stage with its details as given; a typed detail must say something, a card's emptied field clears.
    private static string? Read(JourneyMap map, StageDetailInput input, bool typed, out int index, out Stage? stage)
    {
        index = -1;
        stage = null;
        var syntax = input.Expects is not null ? Strings.SyntaxExpects : Strings.SyntaxMovesOn;
        if (input.Stage.Length == 0)
        {
            return Strings.WhichStage.Fill(("syntax", syntax));
        }

        var found = StageEditor.Find(map, input.Stage, out var problem);
        if (found is null)
        {
            return problem;
        }

        if (typed && string.IsNullOrWhiteSpace(input.Expects ?? input.MovesOnWhen))
        {
            return Strings.StageDetailMissing.Fill(("stage", found.Name), ("syntax", syntax));
        }

        var expects = Clean(input.Expects, Strings.NounExpects, ref problem) ?? found.Expects;
        var movesOn = Clean(input.MovesOnWhen, Strings.NounMovesOn, ref problem) ?? found.MovesOnWhen;
        index = map.Stages.IndexOf(found);
        stage = found with
        {
            Expects = input.Expects is { Length: 0 } ? null : expects,
            MovesOnWhen = input.MovesOnWhen is { Length: 0 } ? null : movesOn,
        };
        return problem;
    }

    private static string? Clean(string? text, string what, ref string? problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = TextRules.Clean(text, MaxLength, what, out var issue);
        problem ??= issue;
        return clean;
    }
}
