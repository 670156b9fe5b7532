using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// What the bot says outside a map, for the host and the conversation. The words themselves live in
/// <c>Resources/Strings.resx</c> with everything else a member reads.
/// </summary>
public static class Texts
{
    /// <summary>
    /// The welcome when the bot is added: in a personal chat, where no mention is needed, it
    /// suggests the demo; in a channel or group chat it says how to mention the bot.
    /// </summary>
    public static string Welcome(bool personalChat) => personalChat ? Strings.WelcomePersonal : Strings.Welcome;

    /// <summary>The answer to <c>help</c>, in the language of the texts: the commands, then how the language is chosen.</summary>
    public static string Help => Strings.Help + "\n\n" + Strings.HelpLanguage;

    /// <summary>When there is no map in the conversation.</summary>
    public static string NoMap => Strings.NoMap;

    /// <summary>When the bot did not understand.</summary>
    public static string NotUnderstood => Strings.NotUnderstood;

    /// <summary>When an old card's button is pressed.</summary>
    public static string OutdatedCard => Strings.OutdatedCard;

    /// <summary>Answers many members caused at once (confirmations, department questions) in one message, one line each.</summary>
    public static string Acknowledged(IEnumerable<string> summaries) =>
        Strings.Acknowledged.Fill(("lines", string.Join("\n", summaries.Select(s => "- " + s))));

    /// <summary>When many writes collide and retries run out.</summary>
    public static string Busy => Strings.Busy;

    /// <summary>When a turn or its sends failed on the bot's side.</summary>
    public static string Apology => Strings.Apology;

    /// <summary>The answer shown to a member who pressed a card button whose outcome is posted in the conversation.</summary>
    public static string Done => Strings.Done;

    /// <summary>The name of a member whose name the channel did not give.</summary>
    public static string Someone => Strings.Someone;

    /// <summary>The page of a map link that has expired.</summary>
    public static string MapLinkExpired => Strings.MapLinkExpired;

    /// <summary>The page behind a link to a map that was archived or cancelled since.</summary>
    public static string MapLinkWithdrawn => Strings.MapLinkWithdrawn;

    /// <summary>The page behind a link to a map that was deleted since (the link is ours, so the map was there).</summary>
    public static string MapLinkDeleted => Strings.MapLinkDeleted;

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return all.Count <= 1
            ? string.Concat(all)
            : Strings.ListAnd.Fill(("first", string.Join(Strings.ListComma, all.Take(all.Count - 1))), ("last", all[^1]));
    }
}
