using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Testing;
using Microsoft.Extensions.Options;

namespace JourneyBot.Conversation.Tests;

/// <summary>The route table: every command is served, once, and its traits keep the rules of the session.</summary>
public sealed class RouteTableTests
{
    private static readonly IReadOnlyCollection<CommandRoute> Routes = BuildTable().Routes;

    [Fact]
    public void Every_command_type_has_exactly_one_route()
    {
        var commandTypes = typeof(Command).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order()
            .ToList();

        var routed = Routes.Select(r => r.CommandType.Name).Order().ToList();

        Assert.NotEmpty(commandTypes);
        Assert.Equal(commandTypes, routed);
    }

    [Fact]
    public void Registering_a_command_twice_fails_when_the_table_is_built()
    {
        var table = new RouteTable().Add(new CommandRoute<HelpCommand>((_, _, _) => Task.FromResult(new TurnOutcome())));

        var twice = Assert.Throws<InvalidOperationException>(() =>
            table.Add(new CommandRoute<HelpCommand>((_, _, _) => Task.FromResult(new TurnOutcome()))));

        Assert.Contains(nameof(HelpCommand), twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_steers_the_session_is_never_decided_on_a_recent_copy()
    {
        var steering = Routes.Where(r => r.FacilitatorOnly is not null || r.CommandType == typeof(AnswerCommand) || r.CommandType == typeof(VoteCommand));

        Assert.All(steering, r => Assert.False(r.MayUseRecentCopy, $"{r.CommandType.Name} steers the session"));
    }

    [Fact]
    public void Commands_that_read_no_map_have_no_rules_about_it()
    {
        var mapless = Routes.Where(r => r.Map == MapUse.None).ToList();

        Assert.NotEmpty(mapless);
        Assert.All(mapless, r =>
        {
            Assert.Null(r.FacilitatorOnly);
            Assert.Null(r.AllowedAt);
            Assert.False(r.MayUseRecentCopy);
            Assert.False(r.ChangesProgress);
        });
    }

    [Fact]
    public void A_command_allowed_only_at_some_steps_says_why_at_the_others()
    {
        var bound = Routes.Where(r => r.AllowedAt is not null).ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, r => Assert.False(string.IsNullOrWhiteSpace(r.AllowedAt!.Otherwise()), $"{r.CommandType.Name} has no answer for the wrong step"));
    }

    [Fact]
    public void A_message_without_a_mention_never_places_a_map_answers_a_setup_question_or_fills_in_free_words()
    {
        Type[] mentionOnly =
        [
            typeof(StartCommand), typeof(OpenCommand), typeof(DemoCommand), typeof(AnswerCommand), typeof(UnknownCommand),
            typeof(DepartmentCommand), typeof(EditItemCommand), typeof(RemoveItemCommand), typeof(VoteCommand), typeof(StagesCommand),
        ];

        Assert.All(Routes.Where(r => mentionOnly.Contains(r.CommandType)), r => Assert.Null(r.Overheard));
        Assert.Contains(Routes, r => r.CommandType == typeof(AddItemCommand) && r.Overheard is not null);
    }

    private static RouteTable BuildTable()
    {
        var links = new MapLinks(Options.Create(new MapLinkOptions
        {
            BaseUrl = "https://journeybot.example",
            SigningKey = Convert.ToBase64String(new byte[32]),
        }), TimeProvider.System);
        var rounds = new RoundServices(new InMemoryRoundStore(), new NoTeamRoster(), new RecordingRoundTimers());
        var actions = new InMemoryActionStore();
        return CommandRoutes.Build(new InMemoryMapStore(TimeProvider.System), new NoMemberDirectory(), TimeProvider.System, links, rounds,
            new Actions.ActionServices(actions, new Actions.NoActionTrackerSync(actions)), (_, _) => Task.FromResult(new TurnOutcome()));
    }
}
