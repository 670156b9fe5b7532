using System.Globalization;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Turns an <see cref="AddItemCommand"/> into an item, or says what is wrong with it; names the
/// inputs of the contribution card's entries and reads them back.
/// </summary>
internal static class Contribution
{
    /// <summary>The fields of a contribution, as the card's inputs name them after their entry's kind.</summary>
    public const string StageField = "stage", TextField = "text", ChannelField = "channel", ScoreField = "score", OwnerField = "owner",
        EvidenceField = "evidence";

    /// <summary>
    /// The id of <paramref name="field"/> in the card's entry for <paramref name="kind"/>, e.g.
    /// <c>touchpoint.stage</c>: Adaptive Cards require an input's id to be unique in the whole card,
    /// inline cards of its show-card buttons included.
    /// </summary>
    public static string InputId(ItemKind kind, string field) => $"{Token(kind)}.{field}";

    /// <summary>The word for <paramref name="kind"/> in card data and input ids (the typed keyword).</summary>
    public static string Token(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => "touchpoint",
        ItemKind.Goal => "goal",
        ItemKind.Action => "action",
        ItemKind.PainPoint => "pain",
        ItemKind.Emotion => "emotion",
        ItemKind.Thought => "thought",
        ItemKind.BrightSpot => "brightspot",
        _ => "opportunity",
    };

    /// <summary>
    /// The contribution an Add button sent: the kind from the button's data, the fields from its
    /// entry's inputs. A form posted before the entries (one set of unprefixed fields, the kind
    /// among them) is read as well, so a card still in a thread keeps working.
    /// </summary>
    public static AddItemCommand FromCard(CardSubmit submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var kind = Vocabulary.ParseKind(submit[CardVerbs.KindKey]);
        string? Field(string field) => (kind is { } k ? submit[InputId(k, field)] : null) ?? submit[field];
        return new AddItemCommand(kind, Field(StageField), Field(TextField), Field(ChannelField), Field(ScoreField), Field(OwnerField),
            Field(EvidenceField));
    }

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

        // Not said: kept as the weakest claim, and marked so that the member is asked (never a silent "assumed").
        var evidence = add.Evidence is null ? Evidence.Assumed : Vocabulary.ParseEvidence(add.Evidence);
        if (evidence is null)
        {
            problem = Strings.NotEvidence.Fill(("evidence", TextRules.Shorten(add.Evidence ?? string.Empty, TextRules.ShortMax)));
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
            return problem is null ? Item(kind, stage, word, evidence.Value, add) with { Score = score } : null;
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

            return Item(kind, stage, text, evidence.Value, add) with { Channel = channel };
        }

        if (kind == ItemKind.Opportunity && add.Owner is not null)
        {
            var owner = TextRules.Clean(add.Owner, TextRules.ShortMax, Strings.NounOwnerDepartment, out problem);
            return problem is null ? Item(kind, stage, text, evidence.Value, add) with { Owner = owner } : null;
        }

        return Item(kind, stage, text, evidence.Value, add);
    }

    /// <summary>How to type an item of <paramref name="kind"/>.</summary>
    public static string Syntax(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => Strings.SyntaxTouchpoint,
        ItemKind.Goal => Strings.SyntaxGoal,
        ItemKind.Action => Strings.SyntaxAction,
        ItemKind.PainPoint => Strings.SyntaxPain,
        ItemKind.Emotion => Strings.SyntaxEmotion,
        ItemKind.Thought => Strings.SyntaxThought,
        ItemKind.BrightSpot => Strings.SyntaxBrightSpot,
        _ => Strings.SyntaxOpportunity,
    };

    private static MapItem Item(ItemKind kind, Stage stage, string text, Evidence evidence, AddItemCommand add) => new()
    {
        Id = string.Empty,
        Kind = kind,
        StageId = stage.Id,
        Text = text,
        Evidence = evidence,
        EvidenceUnsaid = add.Evidence is null,
        Author = new Person(string.Empty, string.Empty),
    };
}
