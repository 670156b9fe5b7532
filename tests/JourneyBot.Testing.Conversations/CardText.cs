using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;

namespace JourneyBot.Testing.Conversations;

/// <summary>What a person reads on a card, as text: for asserting and for the printed transcript.</summary>
public static class CardText
{
    public static string Of(AdaptiveCard card)
    {
        var text = new StringBuilder();
        foreach (var element in card.Body)
        {
            Append(text, element);
        }

        foreach (var action in card.Actions ?? [])
        {
            text.Append("[button ").Append(action.Title).Append("] ");
        }

        return text.ToString().Trim();
    }

    public static string Of(TurnOutcome outcome)
    {
        var text = new StringBuilder();
        foreach (var message in outcome.Messages)
        {
            if (message.Text is not null)
            {
                text.AppendLine(message.Text);
            }

            if (message.Card is not null)
            {
                text.AppendLine("{card} " + Of(message.Card));
            }
        }

        if (outcome.CardUpdate is not null)
        {
            text.AppendLine("{card updated} " + Of(outcome.CardUpdate));
        }

        return text.ToString().Trim();
    }

    private static void Append(StringBuilder text, CardElement element)
    {
        switch (element)
        {
            case TextBlock block:
                text.AppendLine(block.Text);
                break;
            case RichTextBlock rich:
                text.AppendLine(string.Concat(rich.Inlines.Select(i => i.Text)));
                break;
            case FactSet facts:
                foreach (var fact in facts.Facts)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{fact.Title}: {fact.Value}");
                }

                break;
            case Container container:
                foreach (var item in container.Items)
                {
                    Append(text, item);
                }

                break;
            case InputText input:
                text.AppendLine(CultureInfo.InvariantCulture, $"<{input.Label}: {input.Value}>");
                break;
            case InputChoiceSet choices:
                text.AppendLine(CultureInfo.InvariantCulture, $"<{choices.Label}: {string.Join(" / ", choices.Choices.Select(c => c.Title))}>");
                break;
            case ActionSet set:
                foreach (var action in set.Actions)
                {
                    text.Append("[button ").Append(action.Title).Append("] ");
                }

                break;
            default:
                break;
        }
    }
}
