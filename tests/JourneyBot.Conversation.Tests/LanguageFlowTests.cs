using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Which language a turn speaks: a member's 1:1 chat their Teams locale, a channel the team's
/// language (set with <c>language</c>, else the locale of whoever started the first map).
/// The texts are compared with what the resources hold in that language, so the tests hold
/// before and after the translations land; the language itself shows in its name and its dates.
/// </summary>
public sealed class LanguageFlowTests
{
    private static readonly CancellationToken Cancel = CancellationToken.None;

    [Fact]
    public async Task A_team_speaks_the_language_of_whoever_started_its_first_map()
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        await session.SayAsync(Alex, "start Zapatillas", In("ro-RO"));
        var asked = await session.SayAsync(Megan, "language", In("en-US"));

        Assert.Equal(Text(nameof(Strings.LanguageIs), "ro").Fill(("language", BotLanguages.Romanian.NativeName)), Said(asked));
    }

    [Fact]
    public async Task Language_switches_the_channels_posts_and_answers_in_the_new_language()
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var set = await session.SayAsync(Megan, "language ro", In("es-ES"));
        var asked = await session.SayAsync(Adele, "language", In("en-US"));

        Assert.Equal(Text(nameof(Strings.LanguageSet), "ro").Fill(("language", "română")), Said(set));
        Assert.Contains("română", Said(asked), StringComparison.Ordinal);
        var team = await session.Services.GetRequiredService<TeamLanguages>().GetAsync(session.Scope.TeamKey, Cancel);
        Assert.Equal("ro", team?.TwoLetterISOLanguageName);
    }

    [Fact]
    public async Task A_members_own_chat_follows_their_teams_locale_whatever_the_channel_speaks()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Megan, "language ro", In("en-US"));

        var personal = await session.SayAsync(Adele, "language", t => In("es-MX")(t) with
        {
            Scope = new MapScope("a:chat-adele", "a:chat-adele"),
            IsPersonalChat = true,
        });

        Assert.Equal(Text(nameof(Strings.LanguageIs), "es").Fill(("language", BotLanguages.Spanish.NativeName)), Said(personal));
    }

    [Fact]
    public async Task A_progress_card_updated_outside_any_turn_speaks_the_teams_language()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Alex, "start Zapatillas", In("es-ES"));
        var map = await session.MapAsync();
        await session.Conversation.RememberProgressCardAsync(session.Scope, map.Id, "progress-1", Cancel);

        // The host updates the card from its own loop, in whatever language that loop has.
        using var hosts = LanguageScope.Enter(BotLanguages.English);
        var view = await session.Conversation.ProgressAsync(session.Scope, Cancel);

        Assert.NotNull(view);
        Assert.Contains(Text(nameof(Strings.ProgressSuffix), "es"), CardText.Of(view.Card), StringComparison.Ordinal);
        Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
    }

    [Theory]
    [InlineData("idioma es", "es")]
    [InlineData("limba ro", "ro")]
    [InlineData("limbă română", "ro")]
    public async Task The_language_command_is_understood_in_every_language_whatever_the_members_teams_speaks(string typed, string expected)
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var set = await session.SayAsync(Megan, typed, In("en-US"));

        Assert.StartsWith(Text(nameof(Strings.LanguageSet), expected)[..5], Said(set), StringComparison.Ordinal);
        var team = await session.Services.GetRequiredService<TeamLanguages>().GetAsync(session.Scope.TeamKey, Cancel);
        Assert.Equal(expected, team?.TwoLetterISOLanguageName);
    }

    [Fact]
    public async Task Only_the_facilitator_of_the_map_here_changes_the_language()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Alex, "start Shoes", In("en-US"));

        var refused = await session.SayAsync(Megan, "language es", In("es-ES"));
        var asked = await session.SayAsync(Megan, "language", In("es-ES"));

        Assert.Contains(Text(nameof(Strings.FacilitatorActionLanguage), "en"), Said(refused), StringComparison.Ordinal);
        Assert.Contains(BotLanguages.English.NativeName, Said(asked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_no_map_is_only_whoever_chose_the_teams_language_changes_it()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Megan, "language ro", In("en-US")); // the team has none yet: anyone here may choose

        var refused = await session.SayAsync(Adele, "language es", In("es-ES"));
        var changed = await session.SayAsync(Megan, "language en", In("en-US"));

        Assert.Equal(Text(nameof(Strings.LanguageOnlyWhoChose), "ro").Fill(("person", Megan.Name)), Said(refused));
        Assert.Equal(Text(nameof(Strings.LanguageSet), "en").Fill(("language", BotLanguages.English.NativeName)), Said(changed));
    }

    [Fact]
    public async Task Whoever_started_the_teams_first_map_changes_its_language_in_a_channel_without_a_map()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Alex, "start Zapatillas", In("es-ES"));
        var elsewhere = new MapScope(session.Scope.TeamKey, "19:other@thread.tacv2");

        var refused = await session.SayAsync(Megan, "language ro", t => In("ro-RO")(t) with { Scope = elsewhere });
        var changed = await session.SayAsync(Alex, "language ro", t => In("es-ES")(t) with { Scope = elsewhere });

        Assert.Equal(Text(nameof(Strings.LanguageOnlyWhoChose), "es").Fill(("person", Alex.Name)), Said(refused));
        Assert.Equal(Text(nameof(Strings.LanguageSet), "ro").Fill(("language", BotLanguages.Romanian.NativeName)), Said(changed));
    }

    [Fact]
    public async Task A_first_map_is_placed_and_answered_when_the_teams_language_cannot_be_written()
    {
        var logs = new RecordingLogs();
        await using var session = await MappingSession.StartAsync(builder =>
        {
            builder.Services.AddSingleton<IMapStore, JourneyBot.Testing.InMemoryMapStore>();
            builder.Services.AddSingleton<ITeamLanguageStore, UnwritableLanguages>();
            builder.Logging.AddProvider(logs);
        });

        var started = await session.SayAsync(Alex, "start Zapatillas", In("es-ES"));

        Assert.NotEmpty(started.Messages);
        Assert.Equal("Zapatillas", (await session.MapAsync()).Name);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(4175, warning.Id);
        Assert.DoesNotContain("Zapatillas", warning.Message, StringComparison.Ordinal);
    }

    // A language store that reads but cannot write: a storage outage after the map was placed.
    private sealed class UnwritableLanguages : ITeamLanguageStore
    {
        public Task<TeamLanguageChoice?> GetAsync(string teamKey, CancellationToken cancellationToken) => Task.FromResult<TeamLanguageChoice?>(null);

        public Task PutAsync(string teamKey, TeamLanguageChoice choice, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage is down");
    }

    private sealed class RecordingLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, int Id, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
        }
    }

    [Fact]
    public async Task An_unknown_language_is_answered_with_the_three_the_bot_speaks()
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var answer = await session.SayAsync(Megan, "language klingon", In("en-US"));

        Assert.Equal(Strings.LanguageUnknown, Said(answer));
    }

    [Fact]
    public async Task A_member_s_language_is_remembered_on_their_row_for_cards_sent_to_them_later()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Alex, "start Shoes", In("en-US"));
        await session.SayAsync(Megan, "department Sales", In("ro-RO"));

        Assert.Equal("ro", (await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel))?.Language);
    }

    private static Func<UserTurn, UserTurn> In(string locale) => turn => turn with { Locale = locale };

    private static string Text(string key, string language) => Strings.ResourceManager.GetString(key, new CultureInfo(language))!;

    private static string Said(TurnOutcome outcome) => string.Join("\n", outcome.Messages.Select(m => m.Text));
}
