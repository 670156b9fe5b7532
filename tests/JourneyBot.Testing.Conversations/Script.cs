using System.Text.RegularExpressions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// One line of a conversation written as data: who says what, and words the bot's answer must
/// contain. <c>{pain}</c>, <c>{opportunity}</c>, <c>{touchpoint}</c>, <c>{goal}</c> in what is
/// said stand for the id of the newest item of that kind; <c>{opportunity:foot photo}</c> for the
/// newest whose text contains those words.
/// </summary>
public sealed record Line(string Who, string Says, params string[] Expect);

/// <summary>What the map must hold at the end of a scenario; null parts are not checked.</summary>
public sealed record ExpectedMap
{
    public MapStatus Status { get; init; } = MapStatus.Active;
    public MapStep? Step { get; init; }
    public string? Objective { get; init; }
    public string? Persona { get; init; }
    public string? StartPoint { get; init; }
    public string? EndPoint { get; init; }
    public string[]? Stages { get; init; }

    /// <summary>Each stage's details as "Stage: expects | moves on when" lines, in order (a detail not given reads as "-").</summary>
    public string[]? StageDetails { get; init; }

    /// <summary>Items as "kind stage: text" lines, in any order.</summary>
    public string[]? Items { get; init; }

    /// <summary>Votes per item text.</summary>
    public Dictionary<string, int>? Votes { get; init; }
}

/// <summary>A named conversation with its expected map.</summary>
public sealed record Scenario(string Name, Line[] Lines, ExpectedMap Expected)
{
    public override string ToString() => Name;
}

/// <summary>Plays scenarios against a <see cref="MappingSession"/>.</summary>
public static partial class Script
{
    public static Task PlayAsync(MappingSession session, IEnumerable<Line> lines) => PlayAsync(session, lines, turn => turn);

    /// <summary>As <see cref="PlayAsync(MappingSession, IEnumerable{Line})"/>, each turn shaped by <paramref name="shape"/> (the members' Teams locale …).</summary>
    public static async Task PlayAsync(MappingSession session, IEnumerable<Line> lines, Func<UserTurn, UserTurn> shape)
    {
        foreach (var line in lines)
        {
            var says = await ResolveAsync(session, line.Says);
            var outcome = await session.SayAsync(People.ByName(line.Who), says, shape);
            var text = CardText.Of(outcome);
            foreach (var expected in line.Expect)
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal),
                    $"After “{line.Who}: {says}” the bot should say “{expected}”, but said:\n{text}");
            }
        }
    }

    public static async Task CheckAsync(MappingSession session, ExpectedMap expected)
    {
        var map = await session.MapAsync();
        var board = await session.BoardAsync();
        Assert.Equal(expected.Status, map.Status);
        if (expected.Step is { } step)
        {
            Assert.Equal(step, map.Step);
        }

        Check(expected.Objective, map.Objective);
        Check(expected.Persona, map.Persona);
        Check(expected.StartPoint, map.StartPoint);
        Check(expected.EndPoint, map.EndPoint);
        if (expected.Stages is not null)
        {
            Assert.Equal(expected.Stages, map.Stages.Select(s => s.Name));
        }

        if (expected.StageDetails is not null)
        {
            Assert.Equal(expected.StageDetails, map.Stages.Select(s => $"{s.Name}: {s.Expects ?? "-"} | {s.MovesOnWhen ?? "-"}"));
        }

        if (expected.Items is not null)
        {
            var actual = board.Items.Select(i => $"{i.Kind} {map.Stages.Single(s => s.Id == i.StageId).Name}: {i.Text}").Order();
            Assert.Equal(expected.Items.Order(), actual);
        }

        if (expected.Votes is not null)
        {
            var tally = board.Tally();
            foreach (var (text, votes) in expected.Votes)
            {
                Assert.Equal(votes, tally.GetValueOrDefault(board.Items.Single(i => i.Text == text).Id));
            }
        }
    }

    private static void Check(string? expected, string? actual)
    {
        if (expected is not null)
        {
            Assert.Equal(expected, actual);
        }
    }

    private static async Task<string> ResolveAsync(MappingSession session, string says)
    {
        if (!says.Contains('{', StringComparison.Ordinal))
        {
            return says;
        }

        var board = await session.BoardAsync();
        return Placeholder().Replace(says, match =>
        {
            var kind = Vocabulary.ParseKind(match.Groups[1].Value) ?? throw new InvalidOperationException(match.Value);
            var words = match.Groups[2].Success ? match.Groups[2].Value : null;
            var item = board.Items.Where(i => i.Kind == kind && (words is null || i.Text.Contains(words, StringComparison.Ordinal)))
                .OrderBy(i => i.CreatedAt).Last();
            return ItemIds.Display(item.Id);
        });
    }

    [GeneratedRegex(@"\{(\w+)(?::([^}]+))?\}")]
    private static partial Regex Placeholder();
}
