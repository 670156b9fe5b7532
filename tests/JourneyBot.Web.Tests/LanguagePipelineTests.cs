using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Languages;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The language of what the bot sends, through the Web host as Teams reaches it: a member's 1:1
/// chat in their Teams locale (the activity's <c>locale</c>), a channel in the team's language,
/// switched by <c>language ro</c>. The expected texts are the resources' in that language, so the
/// tests hold before and after the translations land.
/// </summary>
public sealed class LanguagePipelineTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public LanguagePipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_reply_in_a_personal_chat_is_in_the_members_teams_language()
    {
        await _app.PostActivityAsync(InPersonalChat("a:personal-chat-megan", "es-ES"));

        Assert.Contains(_connector.Requests, r => r.AllText().Contains(LanguageIs(BotLanguages.Spanish), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_post_follows_the_team_language_once_set_whatever_the_members_locale()
    {
        var set = Activities.Message(_connector.ServiceUrl(), "language ro", mentionBot: true, activityId: "1:set");
        set.Locale = "en-US";
        await _app.PostActivityAsync(set);

        var asked = Activities.Message(_connector.ServiceUrl(), "language", mentionBot: true, activityId: "1:asked");
        asked.Locale = "es-ES";
        asked.From = new ChannelAccount { Id = "29:megan", Name = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-000000000021" };
        await _app.PostActivityAsync(asked);

        Assert.Contains(_connector.Requests, r => r.AllText().Contains(LanguageIs(BotLanguages.Romanian), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_in_a_personal_chat_of_a_member_with_another_locale_is_in_english()
    {
        await _app.PostActivityAsync(InPersonalChat("a:personal-chat-alex", "fr-FR"));

        Assert.Contains(_connector.Requests, r => r.AllText().Contains(LanguageIs(BotLanguages.English), StringComparison.Ordinal));
    }

    // "language" typed in a member's 1:1 chat, from a Teams client in <paramref name="locale"/>.
    private Activity InPersonalChat(string chatId, string locale)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), "language", conversationId: chatId);
        activity.Conversation!.ConversationType = "personal";
        activity.Conversation.IsGroup = false;
        activity.Locale = locale;
        return activity;
    }

    // The answer to "language" alone, in <paramref name="language"/>, as the resources hold it.
    private static string LanguageIs(CultureInfo language) =>
        Texts.GetString("LanguageIs", language)!.Replace("{language}", language.NativeName, StringComparison.Ordinal);

    private static readonly System.Resources.ResourceManager Texts =
        new("JourneyBot.Conversation.Resources.Strings", typeof(JourneyConversation).Assembly);
}
