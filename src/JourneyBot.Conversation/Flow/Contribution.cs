using System.Globalization;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>Turns an <see cref="AddItemCommand"/> into an item, or says what is wrong with it.</summary>
internal static class Contribution
{
    /// <summary>The item the command describes (without id, author or time), or a problem.</summary>
    public static MapItem? Read(AddItemCommand add, JourneyMap map, out string? problem)
    {
        problem = null;
        if (add.Kind is not { } kind)
        {
            problem = "What are you adding: a touchpoint, goal, action, pain point, emotion or opportunity?";
            return null;
        }

        var stage = StageEditor.Find(map, add.Stage ?? string.Empty, out problem);
        if (stage is null)
        {
            problem = add.Stage is null ? $"Which stage? {Syntax(kind)}" : problem;
            return null;
        }

        var evidence = add.Evidence is null ? Evidence.Assumed : Vocabulary.ParseEvidence(add.Evidence);
        if (evidence is null)
        {
            problem = $"“{add.Evidence}” is not an evidence level: use observed, reported or assumed.";
            return null;
        }

        if (kind == ItemKind.Emotion)
        {
            if (!int.TryParse(add.Score?.Replace('−', '-').Replace("+", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture, out var score) || score is < -2 or > 2)
            {
                problem = $"An emotion needs a score from −2 (angry) to +2 (delighted). {Syntax(kind)}";
                return null;
            }

            var word = add.Text is null ? string.Empty : TextRules.Clean(add.Text, TextRules.ShortMax, "emotion word", out problem);
            return problem is null ? Item(kind, stage, word, evidence.Value) with { Score = score } : null;
        }

        var text = TextRules.Clean(add.Text, TextRules.ItemMax, Vocabulary.Name(kind), out problem);
        if (problem is not null)
        {
            problem = add.Text is null ? $"Describe the {Vocabulary.Name(kind)}. {Syntax(kind)}" : problem;
            return null;
        }

        if (kind == ItemKind.Touchpoint)
        {
            if (Vocabulary.ParseChannel(add.Channel) is not { } channel)
            {
                problem = (add.Channel is null ? "Which channel is this touchpoint on? " : $"“{add.Channel}” is not a channel I know. ") +
                    "Channels: " + string.Join(", ", Enum.GetValues<TouchChannel>().Select(Vocabulary.Name)) + ".";
                return null;
            }

            return Item(kind, stage, text, evidence.Value) with { Channel = channel };
        }

        if (kind == ItemKind.Opportunity && add.Owner is not null)
        {
            var owner = TextRules.Clean(add.Owner, TextRules.ShortMax, "owner department", out problem);
            return problem is null ? Item(kind, stage, text, evidence.Value) with { Owner = owner } : null;
        }

        return Item(kind, stage, text, evidence.Value);
    }

    /// <summary>How to type an item of <paramref name="kind"/>.</summary>
    public static string Syntax(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => "Type: *touchpoint stage | channel | what happens*.",
        ItemKind.Emotion => "Type: *emotion stage | −2 … +2 | a word*.",
        ItemKind.Opportunity => "Type: *opportunity stage | idea | owner department*.",
        _ => $"Type: *{(kind == ItemKind.PainPoint ? "pain" : Vocabulary.Name(kind))} stage | text*.",
    };

    private static MapItem Item(ItemKind kind, Stage stage, string text, Evidence evidence) => new()
    {
        Id = string.Empty,
        Kind = kind,
        StageId = stage.Id,
        Text = text,
        Evidence = evidence,
        Author = new Person(string.Empty, string.Empty),
    };
}
