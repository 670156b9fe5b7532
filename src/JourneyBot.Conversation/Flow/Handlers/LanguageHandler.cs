using System.Globalization;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>language es|ro|en</c>: the language of the posts everyone in the conversation's team reads.
/// Anyone may ask which it is; the facilitator of the map here sets it (before any map, anyone here may).
/// </summary>
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

        if (turn.StoredOrNull is { Map: var map } && !TurnReplies.IsFacilitator(turn.Turn, map))
        {
            return TurnReplies.OnlyFacilitator(map, Strings.FacilitatorActionLanguage);
        }

        await languages.SetAsync(teamKey, chosen, cancellationToken);

        // Said in the language chosen: the first post the team reads in it.
        using var speaking = LanguageScope.Enter(chosen, TypedLanguages.Current);
        return new TurnOutcome().Say(Strings.LanguageSet.Fill(("language", chosen.NativeName)));
    }
}
