using System.Globalization;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>language es|ro|en</c>: the language of the posts everyone in the conversation's team reads.
/// Anyone may ask which it is; the facilitator of the map here sets it. Where no map is, whoever chose
/// the team's language (the starter of its first map, or who set it since) changes it, and anyone gives a
/// team without one its first.
/// </summary>
/// <remarks>
/// Teams' owners are not told apart: an activity does not say a member's role in the team, and the roster
/// the bot reads says "user" or "guest" only. An owner who is neither starts a map here to become its facilitator.
/// </remarks>
internal sealed class LanguageHandler(TeamLanguages languages)
{
    public async Task<TurnOutcome> LanguageAsync(CommandTurn turn, LanguageCommand command, CancellationToken cancellationToken)
    {
        var teamKey = turn.Scope.TeamKey;
        if (command.Language.Length == 0)
        {
            var current = await languages.GetAsync(teamKey, cancellationToken) ?? BotLanguages.Of(CultureInfo.CurrentUICulture);
            return new TurnOutcome().Say(Strings.LanguageIs.Fill(("language", current.NativeName)));
        }

        if (BotLanguages.FromWord(command.Language) is not { } chosen)
        {
            return new TurnOutcome().Say(Strings.LanguageUnknown);
        }

        if (turn.StoredOrNull is { Map: var map })
        {
            if (!TurnReplies.IsFacilitator(turn.Turn, map))
            {
                return TurnReplies.OnlyFacilitator(map, Strings.FacilitatorActionLanguage);
            }
        }
        else if ((await languages.ReadAsync(teamKey, cancellationToken)).ChosenBy is { } chooser && chooser.Id != turn.Turn.From.Id)
        {
            // Where no map is, the facilitator is whoever chose the language: by starting the team's first map, or since with this command.
            return new TurnOutcome().Say(Strings.LanguageOnlyWhoChose.Fill(("person", Markdown.Escape(chooser.Name))));
        }

        await languages.SetAsync(teamKey, chosen, turn.Turn.From, cancellationToken);

        // Said in the language chosen: the first post the team reads in it.
        using var speaking = LanguageScope.Enter(chosen, TypedLanguages.Current);
        return new TurnOutcome().Say(Strings.LanguageSet.Fill(("language", chosen.NativeName)));
    }
}
