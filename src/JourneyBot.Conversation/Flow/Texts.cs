namespace JourneyBot.Conversation.Flow;

/// <summary>What the bot says, in one voice.</summary>
public static class Texts
{
    /// <summary>The welcome when the bot is added.</summary>
    public const string Welcome =
        "Hi, I'm **JourneyBot**. I help your team map a customer journey together, right here in the chat: " +
        "the business objective, the persona, the stages, the touchpoints, what customers feel, " +
        "the pain points and who owns each opportunity.\n\n" +
        "Type **help** to see what I can do, or **start** followed by a name to begin a map.";

    /// <summary>The answer to <c>help</c>.</summary>
    public const string Help =
        "**JourneyBot** leads a team through customer journey mapping in chat.\n\n" +
        "**Facilitator** (whoever starts the map steers it):\n" +
        "- **start** *name*: start a map here (objective → persona → start and end → stages → contributions → review)\n" +
        "- **next** / **skip**, **back**: move between steps; **publish**: post the finished map; **cancel**; **archive**\n" +
        "- stages: **template**, **stages** *A, B, C*, **rename stage** *2* **to** *name*, **add stage** *name* **at** *3*, **remove stage** *4*, **move stage** *5* **to** *1*\n\n" +
        "**Everyone**, once contributions are open (use the card, or type):\n" +
        "- **touchpoint** *stage* | *channel* | *what happens* [| observed, reported or assumed]\n" +
        "- **goal**, **action** or **pain** *stage* | *text* [| evidence]\n" +
        "- **emotion** *stage* | *−2 … +2* [| a word]\n" +
        "- **opportunity** *stage* | *idea* [| owner department] [| evidence]\n" +
        "- **undo**, **edit** *id* *new text*, **remove** *id*, **vote** *id id …*, **department** *name*\n\n" +
        "Any time: **status**, **maps** (this team's maps), **open** *name*, **demo** (an example map), **help**. " +
        "In a channel or group chat, mention me first: *@JourneyBot status*.";

    /// <summary>When there is no map in the conversation.</summary>
    public const string NoMap = "There's no journey map here yet. Start one with **start** followed by a name, e.g. *start Online shoe shop*.";

    /// <summary>When the bot did not understand.</summary>
    public const string NotUnderstood = "Sorry, I didn't understand that. Type **help** to see what I can do.";

    /// <summary>When an old card's button is pressed.</summary>
    public const string OutdatedCard = "That card is from an earlier step, so I left the map as it is. Use the latest card, or type **status** to see where we are.";

    /// <summary>Several contributions confirmed in one message, one line each.</summary>
    public static string Acknowledged(IEnumerable<string> summaries) =>
        "Just added:\n\n" + string.Join("\n", summaries.Select(s => "- " + s)) + "\n\n**undo** takes back your last one.";

    /// <summary>When many writes collide and retries run out.</summary>
    public const string Busy = "Many people are changing the map right now and I couldn't save that. Please try again in a moment.";
}
