using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>What the team knows of its members: the department each speaks for, and who wants no reminders.</summary>
internal sealed class MemberHandlers(IMapStore store)
{
    public async Task<TurnOutcome> SetDepartmentAsync(CommandTurn command, DepartmentCommand said, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var department = TextRules.Clean(said.Department, TextRules.ShortMax, Strings.NounDepartment, out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(said.Department.Length == 0 ? Strings.WhichDepartment : problem);
        }

        // One write: their items are not touched, every board read shows the department on this row (IMapStore.GetBoardAsync).
        var known = await store.GetMemberAsync(turn.Scope.TeamKey, turn.From.Id, cancellationToken) ?? TeamMember.New;
        await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, known.Noting(turn) with { Department = department, AskedForDepartment = true },
            MemberNotes.Told(turn) | MemberFields.Department | MemberFields.AskedForDepartment, cancellationToken);

        var thanks = Strings.DepartmentSaved.Fill(("member", Markdown.Escape(turn.From.Name)), ("department", Markdown.Escape(department)));

        // Answered on its card, the question turns into its answer where it was asked: no new post.
        return command.FromCard
            ? new TurnOutcome { CardUpdate = SmallCards.DepartmentAnswered(department, thanks) }
            : new TurnOutcome().Say(thanks);
    }

    /// <summary>
    /// <c>mute</c> / <c>unmute</c>: no reminders for the member until they unmute. Kept on their row
    /// where they typed it: in a team's thread for that team; in their 1:1 chat with the bot (its
    /// own scope) for every team that reaches them there (see the roster, which reads both).
    /// </summary>
    public async Task<TurnOutcome> SetMutedAsync(CommandTurn command, bool muted, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        // Written even when the copy read says so already: the copy may be older than another instance's write.
        var known = await store.GetMemberAsync(turn.Scope.TeamKey, turn.From.Id, cancellationToken);
        await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, (known ?? TeamMember.New).Noting(turn) with { Muted = muted },
            MemberNotes.Told(turn) | MemberFields.Muted, cancellationToken);

        return new TurnOutcome().Say(muted ? Strings.RemindersMuted : Strings.RemindersUnmuted);
    }
}
