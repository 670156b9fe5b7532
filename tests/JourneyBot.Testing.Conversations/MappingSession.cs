using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// One channel thread where people talk to JourneyBot: the real conversation on the store a test
/// chooses (<see cref="StartInMemoryAsync"/>, or any other through <see cref="StartAsync"/>).
/// Every turn is printed to the test output.
/// </summary>
public sealed class MappingSession : IAsyncDisposable
{
    private readonly IHost _host;
    private int _activities;

    private MappingSession(IHost host, MapScope scope)
    {
        _host = host;
        Scope = scope;
    }

    public MapScope Scope { get; }

    public JourneyConversation Conversation => _host.Services.GetRequiredService<JourneyConversation>();

    public IMapStore Store => _host.Services.GetRequiredService<IMapStore>();

    /// <summary>Where the session's rounds of questions are kept.</summary>
    public IRoundStore Rounds => _host.Services.GetRequiredService<IRoundStore>();

    /// <summary>The members the session's team conversation has (set them before <c>ask</c>).</summary>
    public FixedRoster Roster => _host.Services.GetRequiredService<FixedRoster>();

    /// <summary>The reminders and deadlines rounds set.</summary>
    public RecordingRoundTimers Timers => _host.Services.GetRequiredService<RecordingRoundTimers>();

    /// <summary>The reminders and deadlines validation rounds set.</summary>
    public RecordingValidationTimers ValidationTimers => _host.Services.GetRequiredService<RecordingValidationTimers>();

    /// <summary>What rounds do by themselves at their moments.</summary>
    public RoundDue Due => _host.Services.GetRequiredService<RoundDue>();

    /// <summary>The session's clock: it ticks a second per reading, and a test moves it on (<see cref="SessionClock.Advance"/>).</summary>
    public SessionClock Clock => _host.Services.GetRequiredService<SessionClock>();

    /// <summary>The session's services, for what a store brings besides <see cref="IMapStore"/> (its metrics).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The last card shown, as a person would press it next.</summary>
    public AdaptiveCard? LastCard { get; private set; }

    /// <summary>A session on a store of its own in memory (<see cref="InMemoryMapStore"/>).</summary>
    public static Task<MappingSession> StartInMemoryAsync() =>
        StartAsync(builder => builder.Services.AddSingleton<IMapStore, InMemoryMapStore>());

    /// <summary>
    /// A session on the <see cref="IMapStore"/> that <paramref name="addStore"/> registers, with its
    /// configuration; the session's clock is registered first, so the store may take it.
    /// </summary>
    public static async Task<MappingSession> StartAsync(Action<IHostApplicationBuilder> addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<SessionClock>().AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SessionClock>());
        addStore(builder);
        builder.Services.TryAddSingleton<IRoundStore, InMemoryRoundStore>();
        builder.Services.TryAddSingleton<Conversation.Validation.IValidationStore, InMemoryValidationStore>();
        // The in-memory map store keeps its maps' actions (deleted with them); any other store brings its own.
        builder.Services.TryAddSingleton<IActionStore>(sp => sp.GetRequiredService<IMapStore>() is InMemoryMapStore memory ? memory.Actions : new InMemoryActionStore());
        builder.Services.TryAddSingleton<Conversation.Actions.FollowUp.IFollowUpStore>(sp => sp.GetRequiredService<IMapStore>() is InMemoryMapStore memory ? memory.FollowUps : new InMemoryFollowUpStore());
        builder.Services.TryAddSingleton<Conversation.Stages.IStageTemplateStore, InMemoryStageTemplateStore>();
        builder.Services.TryAddSingleton<Conversation.Languages.ITeamLanguageStore, InMemoryTeamLanguageStore>();
        builder.Services.AddSingleton<FixedRoster>().AddSingleton<ITeamRoster>(sp => sp.GetRequiredService<FixedRoster>());
        builder.Services.AddSingleton<RecordingRoundTimers>().AddSingleton<IRoundTimers>(sp => sp.GetRequiredService<RecordingRoundTimers>());
        builder.Services.AddSingleton<RecordingValidationTimers>()
            .AddSingleton<Conversation.Validation.IValidationTimers>(sp => sp.GetRequiredService<RecordingValidationTimers>());
        builder.Services.AddJourneyConversation();
        builder.Services.Configure<MapLinkOptions>(o =>
        {
            o.BaseUrl = "https://journeybot.example";
            o.SigningKey = Convert.ToBase64String(new byte[32]);
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new MappingSession(host, new MapScope("19:team@thread.tacv2", "19:general@thread.tacv2;messageid=1700000000001"));
    }

    /// <summary><paramref name="who"/> types <paramref name="text"/>.</summary>
    public Task<TurnOutcome> SayAsync(Person who, string text) =>
        RunAsync(new UserTurn(Scope, who, NextActivityId(), text), $"{who.Name}: {text}");

    /// <summary>
    /// <paramref name="who"/> types <paramref name="text"/>, in a turn shaped by <paramref name="shape"/>
    /// (another scope, the client's time zone …).
    /// </summary>
    public Task<TurnOutcome> SayAsync(Person who, string text, Func<UserTurn, UserTurn> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return RunAsync(shape(new UserTurn(Scope, who, NextActivityId(), text)), $"{who.Name}: {text}");
    }

    /// <summary>
    /// <paramref name="who"/> types <paramref name="text"/> without mentioning the bot, in a thread
    /// where Teams delivers such messages too (resource-specific consent).
    /// </summary>
    public Task<TurnOutcome> OverhearAsync(Person who, string text) =>
        RunAsync(new UserTurn(Scope, who, NextActivityId(), text) { Overheard = true }, $"{who.Name} (no mention): {text}");

    /// <summary>As <see cref="OverhearAsync(Person, string)"/>, in a turn shaped by <paramref name="shape"/> (the member's Teams locale …).</summary>
    public Task<TurnOutcome> OverhearAsync(Person who, string text, Func<UserTurn, UserTurn> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return RunAsync(shape(new UserTurn(Scope, who, NextActivityId(), text)) with { Overheard = true }, $"{who.Name} (no mention): {text}");
    }

    /// <summary>
    /// <paramref name="facilitator"/> starts <paramref name="mapName"/>, gives an objective, skips the
    /// persona, start and end, types <paramref name="stages"/> and opens the contributions; the
    /// answer to that last turn (with the progress card to post) is returned.
    /// </summary>
    public async Task<TurnOutcome> OpenContributionsAsync(Person facilitator, string mapName, string stages)
    {
        foreach (var line in new[] { $"start {mapName}", "Fewer abandoned baskets", "next", "next", "next", stages })
        {
            await SayAsync(facilitator, line);
        }

        return await SayAsync(facilitator, "next");
    }

    /// <summary>
    /// As <see cref="OpenContributionsAsync"/>, and the host posts the progress card it is given, as
    /// the web host does: from then on the conversation knows its map has one.
    /// </summary>
    public async Task<TurnOutcome> OpenContributionsWithProgressCardAsync(Person facilitator, string mapName, string stages)
    {
        var opened = await OpenContributionsAsync(facilitator, mapName, stages);
        var post = opened.NewProgressCard ?? throw new InvalidOperationException("Opening the contributions posted no progress card.");
        await Conversation.RememberProgressCardAsync(Scope, post.MapId, "progress-card-1", TestContext.Current.CancellationToken);
        return opened;
    }

    /// <summary>The same activity delivered again (the channel retried it).</summary>
    public Task<TurnOutcome> RedeliverAsync(Person who, string text) =>
        RunAsync(new UserTurn(Scope, who, $"activity-{_activities}", text), $"{who.Name} (redelivered): {text}");

    /// <summary>The same activity delivered again, in a turn shaped by <paramref name="shape"/> as the first was.</summary>
    public Task<TurnOutcome> RedeliverAsync(Person who, string text, Func<UserTurn, UserTurn> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return RunAsync(shape(new UserTurn(Scope, who, $"activity-{_activities}", text)), $"{who.Name} (redelivered): {text}");
    }

    /// <summary>
    /// <paramref name="who"/> fills <paramref name="inputs"/> on <paramref name="card"/> (default: the
    /// last card) and presses <paramref name="button"/> (inside a shown card: "+ Pain point › Add",
    /// see <see cref="CardButtons"/>): the client sends the button's data merged with the inputs in
    /// its reach, those left alone with the values they start with, as Teams does.
    /// </summary>
    public Task<TurnOutcome> PressAsync(Person who, string button, Dictionary<string, string>? inputs = null, AdaptiveCard? card = null) =>
        PressAsync(who, button, inputs, card, shape: turn => turn);

    /// <summary>
    /// As <see cref="PressAsync(Person, string, Dictionary{string, string}?, AdaptiveCard?)"/>, in a turn shaped by
    /// <paramref name="shape"/> (the member's 1:1 chat, the service address, the client's time zone …).
    /// </summary>
    public Task<TurnOutcome> PressAsync(Person who, string button, Dictionary<string, string>? inputs, AdaptiveCard? card, Func<UserTurn, UserTurn> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var on = card ?? LastCard ?? throw new InvalidOperationException("No card has been shown yet.");
        var submit = Submission(on, button, inputs);
        return RunAsync(shape(new UserTurn(Scope, who, NextActivityId(), string.Empty, submit)),
            $"{who.Name} presses [{button}] {string.Join(", ", (inputs ?? []).Select(kv => $"{kv.Key}={kv.Value}"))}");
    }

    /// <summary>
    /// <paramref name="who"/> sends a press as given (one built by hand: a forged or replayed card),
    /// in a turn shaped by <paramref name="shape"/>.
    /// </summary>
    public Task<TurnOutcome> SubmitAsync(Person who, CardSubmit submit, Func<UserTurn, UserTurn> shape)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(shape);
        return RunAsync(shape(new UserTurn(Scope, who, NextActivityId(), string.Empty, submit)),
            $"{who.Name} sends [{submit.Verb}] {string.Join(", ", submit.Values.Select(kv => $"{kv.Key}={kv.Value}"))}");
    }

    /// <summary>
    /// What a client sends when <paramref name="button"/> of <paramref name="card"/> is pressed with
    /// <paramref name="inputs"/> filled: the button's data merged with the inputs in its reach, those
    /// left alone with the values they start with.
    /// </summary>
    public static CardSubmit Submission(AdaptiveCard card, string button, Dictionary<string, string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var (action, reach) = CardButtons.Find(card, button)
            ?? throw new InvalidOperationException($"The card has no button “{button}”: {CardText.Of(card)}");
        var values = new Dictionary<string, string>(action.Data);
        foreach (var input in action.AssociatedInputs == "none" ? [] : reach)
        {
            if (CardButtons.StartValue(input) is { } start)
            {
                values[input.Id!] = start;
            }
        }

        foreach (var (key, value) in inputs ?? [])
        {
            values[key] = value;
        }

        return new CardSubmit(action.Verb, values);
    }

    public async Task<JourneyMap> MapAsync() =>
        (await Store.GetConversationMapAsync(Scope, TestContext.Current.CancellationToken))?.Map
        ?? throw new InvalidOperationException("The conversation has no map.");

    public async Task<MapBoard> BoardAsync() =>
        await Store.GetBoardAsync(Scope.TeamKey, (await MapAsync()).Id, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private string NextActivityId() => $"activity-{Interlocked.Increment(ref _activities)}";

    private async Task<TurnOutcome> RunAsync(UserTurn turn, string transcriptLine)
    {
        var outcome = await Conversation.HandleAsync(turn, TestContext.Current.CancellationToken);
        LastCard = outcome.CardUpdate ?? outcome.Messages.LastOrDefault(m => m.Card is not null)?.Card ?? LastCard;
        TestContext.Current.TestOutputHelper?.WriteLine($"> {transcriptLine}\n{Indent(CardText.Of(outcome))}\n");
        return outcome;
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));

}

/// <summary>
/// The session's clock: it starts on Wednesday 25 November 2026, 09:00 UTC and moves one second per
/// reading, so items are ordered as they were added; a test moves it on to a moment it names.
/// </summary>
public sealed class SessionClock : TimeProvider
{
    /// <summary>Where every session's clock starts: a Wednesday.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private long _ticks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>Moves the clock on to <paramref name="moment"/> (never back).</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        var now = Interlocked.Read(ref _ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(moment.UtcTicks, now);
        Interlocked.Exchange(ref _ticks, moment.UtcTicks);
    }
}
