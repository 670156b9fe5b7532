using System.Globalization;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>Applies the facilitator's stage edits, refusing the ones that would lose items.</summary>
internal static class StageEditor
{
    /// <summary>The most stages a map has.</summary>
    public const int MaxStages = 12;

    /// <summary>Applies <paramref name="edit"/>; returns a problem (and changes nothing) when it can't.</summary>
    public static string? Apply(JourneyMap map, StageEdit edit, MapBoard board)
    {
        switch (edit)
        {
            case UseTemplate:
                return Replace(map, Vocabulary.FiveStageTemplate, board);
            case ApplyTemplate apply:
                return Replace(map, [.. apply.Template.Stages.Select(s => s.Name)], board, apply.Template.Stages);
            case SetStages set:
                return Replace(map, set.Names, board);
            case RenameStage rename:
                {
                    var reading = Meant(map, rename);
                    var stage = Find(map, reading.Stage, out var problem);
                    var name = CleanName(reading.NewName, ref problem);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    map.Stages[map.Stages.IndexOf(stage!)] = stage! with { Name = name };
                    return null;
                }

            case AddStage add:
                {
                    string? problem = null;
                    var name = CleanName(add.Name, ref problem);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    if (map.Stages.Count >= MaxStages)
                    {
                        return Strings.StagesAtMost.Fill(("max", MaxStages));
                    }

                    map.AddStage(name, add.Position is { } p ? p - 1 : null);
                    return null;
                }

            case RemoveStage remove:
                {
                    var stage = Find(map, remove.Stage, out var problem);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    var items = board.Items.Count(i => i.StageId == stage!.Id);
                    if (items > 0)
                    {
                        return Strings.StageHasItems.Fill(("stage", stage!.Name), ("count", items));
                    }

                    map.Stages.Remove(stage!);
                    return null;
                }

            case MoveStage move:
                {
                    var stage = Find(map, move.Stage, out var problem);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    map.Stages.Remove(stage!);
                    map.Stages.Insert(Math.Clamp(move.Position - 1, 0, map.Stages.Count), stage!);
                    return null;
                }

            default:
                return Strings.StageEditUnknown;
        }
    }

    // The reading of a typed rename that names a stage: by number, id or whole name first, then by a
    // unique start; none: the first, whose stage is then said to be unknown.
    private static StageRenaming Meant(JourneyMap map, RenameStage rename) =>
        rename.Readings.FirstOrDefault(r => NamesExactly(map, r.Stage))
            ?? rename.Readings.FirstOrDefault(r => Find(map, r.Stage, out _) is not null)
            ?? rename.Readings[0];

    private static bool NamesExactly(JourneyMap map, string reference)
    {
        var text = reference.Trim();
        return (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= map.Stages.Count)
            || map.Stages.Any(s => s.Id == text || s.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The stage a member names by number (1-based), id, or name (whole, or a unique start).</summary>
    public static Stage? Find(JourneyMap map, string reference, out string? problem)
    {
        var text = reference.Trim();
        problem = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= map.Stages.Count)
        {
            return map.Stages[number - 1];
        }

        var found = map.Stages.FirstOrDefault(s => s.Id == text)
            ?? map.Stages.FirstOrDefault(s => s.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (found is null && text.Length > 0)
        {
            var starts = map.Stages.Where(s => s.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
            found = starts.Count == 1 ? starts[0] : null;
        }

        if (found is null)
        {
            problem = map.Stages.Count == 0
                ? Strings.NoStagesYet
                : Strings.StageNotFound.Fill(("stage", text), ("stages", string.Join(", ", map.Stages.Select((s, i) => $"{i + 1}. {s.Name}"))));
        }

        return found;
    }

    // Replacing the list keeps the ids of stages whose names stay, so their items stay with them. A
    // template's stages bring what the team saved of them; a stage that stays keeps its own otherwise.
    private static string? Replace(JourneyMap map, IReadOnlyList<string> names, MapBoard board, IReadOnlyList<Stages.TemplateStage>? template = null)
    {
        string? problem = null;
        var clean = names.Select(n => CleanName(n, ref problem)).ToList();
        if (problem is not null)
        {
            return problem;
        }

        if (clean.Count == 0)
        {
            return Strings.StagesEmpty;
        }

        if (clean.Count > MaxStages)
        {
            return Strings.StagesTooMany.Fill(("count", clean.Count), ("max", MaxStages));
        }

        if (clean.Distinct(StringComparer.OrdinalIgnoreCase).Count() != clean.Count)
        {
            return Strings.StagesSameName;
        }

        var kept = clean.Select(n => map.Stages.FirstOrDefault(s => s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
        var dropped = map.Stages.Where(s => !kept.Contains(s)).Where(s => board.Items.Any(i => i.StageId == s.Id)).ToList();
        if (dropped.Count > 0)
        {
            return Strings.StagesKeepItems.Fill(("stages", string.Join(", ", dropped.Select(s => $"“{s.Name}”"))), ("count", dropped.Count));
        }

        var stages = new List<Stage>();
        for (var i = 0; i < clean.Count; i++)
        {
            var stage = kept[i] ?? new Stage($"s{map.NextStageNumber++}", clean[i]);
            if (template is not null)
            {
                stage = stage with { Expects = template[i].Expects ?? stage.Expects, MovesOnWhen = template[i].MovesOnWhen ?? stage.MovesOnWhen };
            }

            stages.Add(stage);
        }

        map.Stages = stages;
        return null;
    }

    private static string CleanName(string name, ref string? problem)
    {
        var clean = TextRules.Clean(name, TextRules.ShortMax, Strings.NounStageName, out var issue);
        problem ??= issue;
        return clean;
    }
}
