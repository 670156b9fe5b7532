using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// One channel thread where people talk to JourneyBot: the real conversation and the real table
/// store on Azurite (a fresh table per session). Every turn is printed to the test output.
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

    public StorageMetrics Metrics => _host.Services.GetRequiredService<StorageMetrics>();

    /// <summary>The last card shown, as a person would press it next.</summary>
    public AdaptiveCard? LastCard { get; private set; }

    /// <summary>A session on its own table; <paramref name="cacheLifetime"/> sets <c>Storage:CacheLifetime</c> ("0" reads storage every time).</summary>
    public static async Task<MappingSession> StartAsync(MapScope? scope = null, string? tableName = null, string? cacheLifetime = null)
    {
        var azurite = await Azurite.SharedAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TableName"] = tableName ?? azurite.NewTableName(),
        };
        if (cacheLifetime is not null)
        {
            settings["Storage:CacheLifetime"] = cacheLifetime;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddTableMapStore();
        builder.Services.AddSingleton<TimeProvider>(new TickingClock());
        builder.Services.Configure<MapLinkOptions>(o =>
        {
            o.BaseUrl = "https://journeybot.example";
            o.SigningKey = Convert.ToBase64String(new byte[32]);
        });
        builder.Services.AddSingleton<MapLinks>();
        builder.Services.AddSingleton<JourneyConversation>();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new MappingSession(host, scope ?? new MapScope("19:team@thread.tacv2", "19:general@thread.tacv2;messageid=1700000000001"));
    }

    /// <summary><paramref name="who"/> types <paramref name="text"/>.</summary>
    public Task<TurnOutcome> SayAsync(Person who, string text) =>
        RunAsync(new UserTurn(Scope, who, NextActivityId(), text), $"{who.Name}: {text}");

    /// <summary>The same activity delivered again (the channel retried it).</summary>
    public Task<TurnOutcome> RedeliverAsync(Person who, string text) =>
        RunAsync(new UserTurn(Scope, who, $"activity-{_activities}", text), $"{who.Name} (redelivered): {text}");

    /// <summary>
    /// <paramref name="who"/> fills <paramref name="inputs"/> on <paramref name="card"/> (default: the
    /// last card) and presses <paramref name="button"/>: the client sends the button's data merged
    /// with the inputs, as Teams does.
    /// </summary>
    public Task<TurnOutcome> PressAsync(Person who, string button, Dictionary<string, string>? inputs = null, AdaptiveCard? card = null)
    {
        var on = card ?? LastCard ?? throw new InvalidOperationException("No card has been shown yet.");
        var action = (on.Actions ?? []).Concat(on.Body.OfType<ActionSet>().SelectMany(s => s.Actions))
            .OfType<ExecuteAction>()
            .FirstOrDefault(a => a.Title == button)
            ?? throw new InvalidOperationException($"The card has no button “{button}”: {CardText.Of(on)}");
        var values = new Dictionary<string, string>(action.Data);
        foreach (var (key, value) in inputs ?? [])
        {
            values[key] = value;
        }

        var submit = new CardSubmit(action.Verb, values);
        return RunAsync(new UserTurn(Scope, who, NextActivityId(), string.Empty, submit),
            $"{who.Name} presses [{button}] {string.Join(", ", (inputs ?? []).Select(kv => $"{kv.Key}={kv.Value}"))}");
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

    /// <summary>A clock that moves one second per reading, so items are ordered as they were added.</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
