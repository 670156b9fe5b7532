using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using JourneyBot.Bench.Micro.Maps;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Micro.Flow;

/// <summary>
/// One turn through <see cref="JourneyConversation"/> on the typical map (6 stages, 40 items) open
/// for contributions, over the in-memory store: parsing, validation, the map document's JSON read
/// (and write, for a step change) and the card the turn answers with. No network, no protocol.
/// </summary>
/// <remarks>
/// The state is set up once ([GlobalSetup]) and every invocation leaves it as it found it, so each
/// one costs the same: a contribution's item is removed again (one dictionary removal, which also
/// checks the turn really added it), and the step change is undone by putting the map document
/// back (a reference swap). [IterationSetup] would do the same but forces one invocation per
/// iteration, which is timer noise for turns of tens of microseconds.
/// </remarks>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private BenchConversation _session = null!;
    private UserTurn _cardContribution = null!;
    private UserTurn _typedContribution = null!;
    private UserTurn _next = null!;
    private UserTurn _progressRefresh = null!;
    private ConversationSnapshot _atContribute = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _session = await BenchConversation.OpenForContributionsAsync();
        var scope = BenchConversation.Scope;
        var purchase = _session.Map.Stages.Single(s => s.Name == "Purchase");

        // What Teams sends when Priya opens "+ Touchpoint" on the contribution card and presses its Add
        // (Action.Execute): the button's data (with the kind) merged with that entry's inputs.
        _cardContribution = new UserTurn(scope, TypicalMap.Priya, "f:6204e1b2-7a1d-4c57-9b0e-3d1a8c4e2f10", string.Empty,
            _session.Press(CardVerbs.Add, (CardVerbs.KindKey, "touchpoint"), ("touchpoint.stage", purchase.Id),
                ("touchpoint.text", "Compares delivery costs on the checkout page before paying"),
                ("touchpoint.channel", nameof(TouchChannel.Website))));
        _typedContribution = new UserTurn(scope, TypicalMap.Priya, "1767261601234",
            "touchpoint Purchase | website | Compares delivery costs on the checkout page before paying | observed");
        _next = new UserTurn(scope, TypicalMap.Marta, "1767261605678", "next");
        _progressRefresh = new UserTurn(scope, TypicalMap.Dan, "f:0b9c2d4e-5f60-4a71-8b92-c3d4e5f60718", string.Empty,
            _session.Press(CardVerbs.Progress));
        _atContribute = _session.Store.Snapshot(scope);

        await CheckAsync();
    }

    /// <summary>A member adds a touchpoint with the contribution form; the answer is the form, updated in place.</summary>
    [Benchmark]
    public async Task<TurnOutcome> ContributeByCard()
    {
        var outcome = await _session.Conversation.HandleAsync(_cardContribution, CancellationToken.None);
        await ForgetItemAsync(_cardContribution);
        return outcome;
    }

    /// <summary>A member types a touchpoint; the progress card confirms it, so the answer posts nothing.</summary>
    [Benchmark]
    public async Task<TurnOutcome> ContributeByTyping()
    {
        var outcome = await _session.Conversation.HandleAsync(_typedContribution, CancellationToken.None);
        await ForgetItemAsync(_typedContribution);
        return outcome;
    }

    /// <summary>The facilitator types <c>next</c>: contributions close, the board is read, the review card is built, the map saved.</summary>
    [Benchmark]
    public Task<TurnOutcome> NextToReview()
    {
        _session.Store.Restore(_atContribute);
        return _session.Conversation.HandleAsync(_next, CancellationToken.None);
    }

    /// <summary>Someone looks at the progress card: Teams asks for the latest (a Universal Actions refresh).</summary>
    [Benchmark]
    public Task<TurnOutcome> RefreshProgressCard() => _session.Conversation.HandleAsync(_progressRefresh, CancellationToken.None);

    /// <summary>
    /// The part of every turn above that is the store's read: the map document from JSON, as the
    /// table store also does after its round trip. Not a turn; it says how much of one is this read.
    /// </summary>
    [Benchmark]
    public JourneyMap ReadMapDocument() =>
        JsonSerializer.Deserialize(_atContribute.Held!.Json, MapJson.Storage.JourneyMap) ?? throw new InvalidOperationException("No map.");

    // The item a contribution adds has an id derived from its activity; removing it keeps the board at 40 items.
    private async Task ForgetItemAsync(UserTurn turn)
    {
        var id = ItemIds.For(turn.ActivityId, "item:" + _session.Map.Id);
        if (!await _session.Store.RemoveItemAsync(BenchConversation.Scope.TeamKey, _session.Map.Id, id, CancellationToken.None))
        {
            throw new InvalidOperationException($"The turn {turn.ActivityId} added no item: the benchmark is not measuring a contribution.");
        }
    }

    // Every benchmark must take the path it is named after; a refusal would be fast and meaningless.
    private async Task CheckAsync()
    {
        var byCard = await ContributeByCard();
        Expect(byCard.CardUpdate is not null && byCard.Messages.Count == 0, "the form, updated in place", byCard);
        var typed = await ContributeByTyping();
        Expect(typed.Messages.Count == 0 && typed.ProgressChanged, "no post: the progress card shows the item", typed);
        var review = await NextToReview();
        var moved = await _session.Store.GetConversationMapAsync(BenchConversation.Scope, CancellationToken.None);
        Expect(moved?.Map.Step == MapStep.Review && review.Messages.Any(m => m.Card is not null), "the review card", review);
        _session.Store.Restore(_atContribute);
        var progress = await RefreshProgressCard();
        Expect(progress.CardUpdate is not null, "the progress card", progress);

        var board = await _session.Store.GetBoardAsync(BenchConversation.Scope.TeamKey, _session.Map.Id, CancellationToken.None);
        Console.WriteLine($"// Session: map document {Encoding.UTF8.GetByteCount(_atContribute.Held!.Json):N0} B, {board.Items.Count} items on the board");
    }

    private static void Expect(bool holds, string expected, TurnOutcome outcome)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"Expected {expected}; the turn answered: {outcome}");
        }
    }
}
