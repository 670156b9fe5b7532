using System.Text.Json;
using BenchmarkDotNet.Attributes;
using JourneyBot.Bench.Micro.Maps;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Bench.Micro.Cards;

/// <summary>
/// The cards built from a whole map, for a typical and a huge one: the published map card (with its
/// emotion curve drawn by SkiaSharp, and trimmed to 28 KB), the curve alone, the card's JSON, and
/// the living progress card.
/// </summary>
/// <remarks>
/// <see cref="MapCard.For"/> draws the curve inside its trimming loop, so the curve is measured on
/// its own, and the card once more on the same map without emotions (no picture is drawn): the
/// figures then say how much of the card is drawing.
/// </remarks>
[MemoryDiagnoser]
public class MapCardBenchmarks
{
    private SampleMap _published = null!;
    private MapBoard _withoutEmotions = null!;
    private SampleMap _inProgress = null!;
    private IReadOnlyList<double?> _scores = [];
    private AdaptiveCard _card = null!;
    private Uri _fullMap = null!;

    [Params(MapSize.Typical, MapSize.Huge)]
    public MapSize Map { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _published = Create(MapStep.Review, MapStatus.Published);
        _inProgress = Create(MapStep.Contribute, MapStatus.Active);
        _withoutEmotions = _published.Board with { Items = [.. _published.Board.Items.Where(i => i.Kind != ItemKind.Emotion)] };
        _scores = EmotionCurve.Scores(_published.Map, _published.Board);

        // The signed link publish passes in (made once: signing is not the card's cost); the card's four buttons point below it.
        _fullMap = BenchLinks.Create().For(BenchScope.Channel.TeamKey, _published.Map.Id, version: 1) ?? throw new InvalidOperationException("Map links are off.");
        _card = MapCardForPublishedMap();
        Describe();
    }

    /// <summary>The emotion curve alone: draw the 640×200 picture and encode it as PNG (drawn once per trimming round by the card).</summary>
    [Benchmark]
    public byte[] EmotionCurvePng() => EmotionCurve.Png(_scores);

    /// <summary>The published map card as <c>publish</c> and <c>status</c> build it: curve, stages, opportunities, gaps, contributors, trimmed to 28 KB.</summary>
    [Benchmark]
    public AdaptiveCard MapCardForPublishedMap() => MapCard.For(_published.Map, _published.Board, _fullMap);

    /// <summary>The same card for the map without its emotions: no curve to draw, so this is building and size checks alone.</summary>
    /// <remarks>Without the picture a card is smaller, so a huge map may need fewer trimming rounds than with it.</remarks>
    [Benchmark]
    public AdaptiveCard MapCardWithoutEmotions() => MapCard.For(_published.Map, _withoutEmotions, _fullMap);

    /// <summary>The built map card to JSON, as the host attaches it (<see cref="AdaptiveCard.ToJson"/>).</summary>
    [Benchmark]
    public JsonElement MapCardToJson() => _card.ToJson();

    /// <summary>The living progress card while contributions are open: rebuilt on every coalesced update and every refresh.</summary>
    [Benchmark]
    public AdaptiveCard ProgressCardForSession() => ProgressCard.For(_inProgress.Map, _inProgress.Board);

    private SampleMap Create(MapStep step, MapStatus status) =>
        Map == MapSize.Typical ? TypicalMap.Create(step, status) : HugeMap.Create(step, status);

    // What the figures are about, in the log: the sizes that drive the cost.
    private void Describe()
    {
        var withoutEmotions = MapCardWithoutEmotions();
        Console.WriteLine($"// {Map} map: {_published.Map.Stages.Count} stages, {_published.Board.Items.Count} items, " +
            $"{_published.Departments.Values.Distinct().Count()} departments; curve PNG {EmotionCurvePng().Length:N0} B; " +
            $"map card {MapCard.Bytes(_card):N0} B (picture {(_card.Body.OfType<Image>().Any() ? "kept" : "dropped after every trimming round")}); " +
            $"without emotions {MapCard.Bytes(withoutEmotions):N0} B; progress card {MapCard.Bytes(ProgressCardForSession()):N0} B");
    }
}
