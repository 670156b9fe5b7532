namespace JourneyBot.Web.Bot;

/// <summary>What the bot says, in one place so it reads as one voice.</summary>
internal static class BotTexts
{
    public const string Welcome =
        "Hi, I'm **JourneyBot**. I help your team map a customer journey together, right here in the chat: " +
        "the business objective, the persona, the stages, the touchpoints, what customers feel, " +
        "the pain points and who owns each opportunity.\n\n" +
        "Type **help** to see what I can do.";

    public const string Help =
        "**JourneyBot** leads a team through customer journey mapping in chat.\n\n" +
        "What I understand right now:\n\n" +
        "- **help**: this message\n\n" +
        "Mapping sessions (start, contribute, review, publish) are on their way. " +
        "In a channel or group chat, mention me first: *@JourneyBot help*.";

    public const string NotUnderstood =
        "Sorry, I didn't understand that. Type **help** to see what I can do.";
}
