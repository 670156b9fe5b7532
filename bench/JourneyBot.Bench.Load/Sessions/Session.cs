using System.Globalization;
using System.Text.Json;
using JourneyBot.Bench.Load.Connector;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>
/// One mapping session in its own channel thread: who takes part, what has been learnt from the
/// bot so far (the map, the stage and vote ids), and which step comes next.
/// </summary>
internal sealed class Session
{
    private readonly int _contributeFrom;
    private readonly int _contributeTo;
    private int _next;
    private bool _looped;

    public Session(int number, Team team, int memberCount, MockConnector connector, Func<Session, IReadOnlyList<Step>> script)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(script);
        Number = number;
        Team = team;
        Members = [.. team.Members.Take(memberCount)];
        ServiceUrl = connector.ServiceUrl;
        ConversationId = $"{team.ChannelId};messageid={(1_700_000_000_000L + number).ToString(CultureInfo.InvariantCulture)}";
        Log = connector.Conversation(ConversationId);
        ChannelData = TeamsActivities.ChannelData(team);
        MapName = $"Bench journey {number.ToString(CultureInfo.InvariantCulture)}";
        Steps = script(this);
        _contributeFrom = Steps.Select((s, i) => (s, i)).First(p => p.s.Phase != Phase.Setup).i;
        _contributeTo = Steps.Select((s, i) => (s, i)).First(p => p.s.Phase == Phase.Review).i;
    }

    public int Number { get; }

    public Team Team { get; }

    public Member Facilitator => Team.Facilitator;

    /// <summary>The members besides the facilitator, each from another department.</summary>
    public IReadOnlyList<Member> Members { get; }

    public string ServiceUrl { get; }

    /// <summary>The thread: <c>19:…@thread.tacv2;messageid=…</c>.</summary>
    public string ConversationId { get; }

    public JsonElement ChannelData { get; }

    public string MapName { get; }

    /// <summary>What the connector saw in this conversation: the ids of the cards members press.</summary>
    public ConversationLog Log { get; }

    public IReadOnlyList<Step> Steps { get; }

    /// <summary>The ids of the stages, from the contribute card's choices.</summary>
    public IReadOnlyList<string> StageIds { get; set; } = [];

    /// <summary>The pain points and opportunities to vote on, from the review card's choices.</summary>
    public IReadOnlyList<string> VoteChoices { get; set; } = [];

    /// <summary>Set when the publish turn was answered with the published review card.</summary>
    public bool Published { get; set; }

    /// <summary>The card a press acts on: the session's card, whose step cards replace one another in place.</summary>
    public string CardId => Log.SetupCardId ?? "0";

    public string MapId => Log.MapId ?? string.Empty;

    /// <summary>Whether every step has been played.</summary>
    public bool Finished => _next >= Steps.Count;

    /// <summary>Whether the session has reached the contributions.</summary>
    public bool Contributing => _next >= _contributeFrom;

    /// <summary>
    /// Moves a session that has just reached its contributions <paramref name="offset"/> steps into
    /// them (wrapping around), without playing those steps: held sessions start at different points,
    /// so that a window sees every kind of contribution step, not only the first ones of each session.
    /// </summary>
    public void StartContributionsAt(int offset)
    {
        if (_next == _contributeFrom)
        {
            _next = _contributeFrom + (offset % (_contributeTo - _contributeFrom));
        }
    }

    /// <summary>
    /// The next step, or null when finished. With <paramref name="loopContributions"/> the session
    /// never leaves the contributions: after the last one it starts them again (department answers
    /// excepted), for the held-sessions configuration.
    /// </summary>
    public Step? Next(bool loopContributions)
    {
        while (true)
        {
            if (loopContributions && _next >= _contributeTo)
            {
                (_next, _looped) = (_contributeFrom, true);
            }

            if (_next >= Steps.Count)
            {
                return null;
            }

            var step = Steps[_next++];
            if (!(_looped && step.Phase == Phase.Once))
            {
                return step;
            }
        }
    }
}
