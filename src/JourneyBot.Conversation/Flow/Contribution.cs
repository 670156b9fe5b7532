using System.Globalization;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

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
            problem = Strings.WhatAreYouAdding;
            return null;
        }

        var stage = StageEditor.Find(map, add.Stage ?? string.Empty, out problem);
        if (stage is null)
        {
            problem = add.Stage is null ? Strings.WhichStage.Fill(("syntax", Syntax(kind))) : problem;
            return null;
        }

        var evidence = add.Evidence is null ? Evidence.Assumed : Vocabulary.ParseEvidence(add.Evidence);
        if (evidence is null)
        {
            problem = Strings.NotEvidence.Fill(("evidence", add.Evidence));
            return null;
        }

        if (kind == ItemKind.Emotion)
        {
            if (!int.TryParse(add.Score?.Replace('−', '-').Replace("+", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture, out var score) || score is < -2 or > 2)
            {
                problem = Strings.EmotionNeedsScore.Fill(("syntax", Syntax(kind)));
                return null;
            }

            var word = add.Text is null ? string.Empty : TextRules.Clean(add.Text, TextRules.ShortMax, Strings.NounEmotionWord, out problem);
            return problem is null ? Item(kind, stage, word, evidence.Value) with { Score = score } : null;
        }

        var text = TextRules.Clean(add.Text, TextRules.ItemMax, Vocabulary.Name(kind), out problem);
        if (problem is not null)
        {
            problem = add.Text is null ? Strings.DescribeItem.Fill(("kind", Vocabulary.Name(kind)), ("syntax", Syntax(kind))) : problem;
            return null;
        }

        if (kind == ItemKind.Touchpoint)
        {
            if (Vocabulary.ParseChannel(add.Channel) is not { } channel)
            {
                var channels = string.Join(", ", Enum.GetValues<TouchChannel>().Select(Vocabulary.Name));
                problem = add.Channel is null
                    ? Strings.WhichChannel.Fill(("channels", channels))
                    : Strings.UnknownChannel.Fill(("channel", add.Channel), ("channels", channels));
                return null;
            }

            return Item(kind, stage, text, evidence.Value) with { Channel = channel };
        }

        if (kind == ItemKind.Opportunity && add.Owner is not null)
        {
            var owner = TextRules.Clean(add.Owner, TextRules.ShortMax, Strings.NounOwnerDepartment, out problem);
            return problem is null ? Item(kind, stage, text, evidence.Value) with { Owner = owner } : null;
        }

        return Item(kind, stage, text, evidence.Value);
    }

    /// <summary>How to type an item of <paramref name="kind"/>.</summary>
    public static string Syntax(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => Strings.SyntaxTouchpoint,
        ItemKind.Goal => Strings.SyntaxGoal,
        ItemKind.Action => Strings.SyntaxAction,
        ItemKind.PainPoint => Strings.SyntaxPain,
        ItemKind.Emotion => Strings.SyntaxEmotion,
        _ => Strings.SyntaxOpportunity,
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
