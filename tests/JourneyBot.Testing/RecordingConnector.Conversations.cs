using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using JourneyBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.Testing;

/// <summary>The recording connector's conversations: 1:1 chats it starts and the members it lists.</summary>
public sealed partial class RecordingConnector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ConnectorAnswer>> _chatAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _chats = new(StringComparer.Ordinal);
    private volatile RosterPages _roster = new([], 100);

    /// <summary>The 1:1 conversation ids started so far, per member id.</summary>
    public IReadOnlyDictionary<string, string> Chats => new Dictionary<string, string>(_chats, StringComparer.Ordinal);

    /// <summary>The create-conversation calls so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorRequest> ConversationsCreated => [.. Requests.Where(r => r.CreatesConversation)];

    /// <summary>
    /// Answers the next attempts to start a 1:1 chat with <paramref name="memberId"/> with
    /// <paramref name="answers"/>, in order (403, 404, 429 with Retry-After …), then as usual.
    /// </summary>
    public void AnswerChatsWith(string memberId, params ConnectorAnswer[] answers)
    {
        var queue = _chatAnswers.GetOrAdd(memberId, _ => new ConcurrentQueue<ConnectorAnswer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>
    /// The members <c>GET v3/conversations/{id}/pagedmembers</c> lists (for any conversation),
    /// <paramref name="pageSize"/> a page unless the caller asks for fewer, with a continuation
    /// token while more follow.
    /// </summary>
    public void UseRoster(IEnumerable<ChannelAccount> members, int pageSize = 100)
    {
        ArgumentNullException.ThrowIfNull(members);
        _roster = new RosterPages([.. members], pageSize);
    }

    private void ResetConversations()
    {
        _chatAnswers.Clear();
        _chats.Clear();
        _roster = new RosterPages([], 100);
    }

    /// <summary>The Microsoft 365 group <c>GET v3/teams/{id}</c> names for any team; null: Teams does not know the team (404).</summary>
    public string? TeamGroupId { get; set; }

    private async Task<bool> TryAnswerConversationsAsync(HttpContext http, string rawTarget, string? authorization, string body)
    {
        var path = rawTarget.Split('?')[0];
        if (http.Request.Method == HttpMethods.Post && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await StartChatAsync(http, new ConnectorRequest(http.Request.Method, rawTarget, authorization, body));
            return true;
        }

        if (http.Request.Method == HttpMethods.Get && path.Contains("/v3/teams/", StringComparison.Ordinal))
        {
            Record(new ConnectorRequest(http.Request.Method, rawTarget, authorization, body));
            http.Response.StatusCode = TeamGroupId is null ? 404 : 200;
            await http.Response.WriteAsJsonAsync(new Dictionary<string, string?> { ["id"] = Uri.UnescapeDataString(path.Split("/v3/teams/")[1]), ["aadGroupId"] = TeamGroupId });
            return true;
        }

        if (http.Request.Method == HttpMethods.Get && path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            Record(new ConnectorRequest(http.Request.Method, rawTarget, authorization, body));
            await ListMembersAsync(http);
            return true;
        }

        return false;
    }

    private async Task StartChatAsync(HttpContext http, ConnectorRequest request)
    {
        var memberId = request.Parameters.Members?.FirstOrDefault()?.Id ?? string.Empty;
        if (_chatAnswers.TryGetValue(memberId, out var scripted) && scripted.TryDequeue(out var answer))
        {
            Record(request);
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            if (answer.Body is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(answer.Body);
            }

            return;
        }

        var id = _chats.GetOrAdd(memberId, member => $"a:1on1-{member.Replace(':', '-')}");
        Record(request with { AnsweredId = id });
        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id });
    }

    private async Task ListMembersAsync(HttpContext http)
    {
        var roster = _roster;
        var asked = int.TryParse(http.Request.Query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? Math.Min(size, roster.PageSize)
            : roster.PageSize;
        var from = int.TryParse(http.Request.Query["continuationToken"], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0;
        var page = roster.Members.Skip(from).Take(asked).ToList();
        var next = from + page.Count < roster.Members.Count ? (from + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new PagedMembersResult(page, next), ProtocolJson.Default.PagedMembersResult));
    }

    private sealed record RosterPages(IReadOnlyList<ChannelAccount> Members, int PageSize);
}
