using System.Diagnostics;
using System.Text.Json;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>Plays a step of a session (one turn, or a burst at once) and checks each answer.</summary>
internal sealed class StepPlayer(BotClient bot, TurnLog log)
{
    private const string CardAnswer = "\"type\":\"application/vnd.microsoft.card.adaptive\"";
    private const string MessageAnswer = "\"type\":\"application/vnd.microsoft.activity.message\"";

    // The bot may post a session's card after answering its start; a press waits this long for it.
    private static readonly TimeSpan CardWait = TimeSpan.FromSeconds(10);

    public Task PlayAsync(Session session, Step step) => step.Turns.Count == 1
        ? PlayAsync(session, step.Turns[0])
        : Task.WhenAll(step.Turns.Select(turn => PlayAsync(session, turn)));

    private async Task PlayAsync(Session session, Turn turn)
    {
        if (turn.PressesCard && session.Log.MapId is null && !await session.Log.WaitForSetupCardAsync(CardWait))
        {
            log.Fail($"{turn.Kind}: the session's card was never posted, so there was nothing to press");
            return;
        }

        var answer = await bot.PostAsync(turn.Build(session));
        var problem = Check(turn, answer);
        if (problem is null && turn.Learn is not null)
        {
            try
            {
                turn.Learn(session, answer.Body);
            }
            catch (JsonException ex)
            {
                problem = $"{turn.Kind}: the answer is not the JSON expected ({ex.Message})";
            }
        }

        log.Add(new TurnRecord(turn.Kind, session.Number, Stopwatch.GetTimestamp(), answer.LatencyMs, problem is null), problem);
    }

    private static string? Check(Turn turn, BotAnswer answer)
    {
        if (answer.Failure is not null)
        {
            return $"{turn.Kind}: {answer.Failure}";
        }

        if (answer.Status != 200)
        {
            return $"{turn.Kind}: HTTP {answer.Status}";
        }

        if (turn.Expect is not { } expect)
        {
            return null;
        }

        if (!answer.Body.Contains(expect.Card ? CardAnswer : MessageAnswer, StringComparison.Ordinal))
        {
            return $"{turn.Kind}: answered with {(expect.Card ? "no card" : "no message")}: {Shorten(answer.Body)}";
        }

        return expect.Contains is { } text && !answer.Body.Contains(text, StringComparison.Ordinal)
            ? $"{turn.Kind}: the answer lacks “{text}”: {Shorten(answer.Body)}"
            : null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
