using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.Web.Tests;

/// <summary>One request the bot made to Graph, as it arrived.</summary>
/// <param name="Path">The path, e.g. <c>/v1.0/users/{id}</c>.</param>
/// <param name="Query">The query string, with its <c>?</c>.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
public sealed record GraphRequest(string Path, string Query, string? Authorization)
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The JSON body, if any.</summary>
    public string? Body { get; init; }

    /// <summary>The If-Match header, if any.</summary>
    public string? IfMatch { get; init; }
}

/// <summary>A failure the fake answers once, to the first request that matches.</summary>
/// <param name="Method">The method it answers.</param>
/// <param name="PathEnd">How the request's path ends, e.g. <c>/planner/tasks</c> or <c>/details</c>.</param>
/// <param name="Status">The status to answer.</param>
/// <param name="RetryAfter">A Retry-After header in seconds, if any.</param>
public sealed record GraphFault(string Method, string PathEnd, int Status, int? RetryAfter = null);

/// <summary>A Planner task the fake holds.</summary>
public sealed class FakePlannerTask
{
    public required string Id { get; init; }

    public required JsonObject Created { get; init; }

    public int PercentComplete { get; set; }

    public string ETag { get; set; } = string.Empty;

    public string DetailsETag { get; set; } = string.Empty;

    public string? Description { get; set; }
}

/// <summary>
/// A local stand-in for Microsoft Graph on 127.0.0.1: <c>users/{id}</c> (the department it holds,
/// 404 for a user it does not know) and Planner (a group's plans; tasks created, read and their
/// details updated, with ETags that change on every write and an If-Match that must match, else 412),
/// with one-off faults a test scripts (429 with Retry-After, 412, 403) or a status for everything;
/// records every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentQueue<GraphFault> _faults = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _heldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _heldReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _holdNext;
    private LoopbackServer _server = null!;
    private int _versions;

    private FakeGraph()
    {
    }

    /// <summary>Profiles' departments by user id; a null department is a profile without one.</summary>
    public ConcurrentDictionary<string, string?> Departments { get; } = new();

    /// <summary>The plans (id, title) of each Microsoft 365 group, by group id.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<(string Id, string Title)>> Plans { get; } = new();

    /// <summary>The tasks created, by id.</summary>
    public ConcurrentDictionary<string, FakePlannerTask> Tasks { get; } = new();

    /// <summary>When set, every request is answered with this status.</summary>
    public int? Status { get; set; }

    /// <summary>How many of the next reads of a task's details someone else follows with an edit (its ETag moves on).</summary>
    public int DetailsChangesAfterRead { get; set; }

    /// <summary>When true, requests get no answer until the fake is disposed: a Graph that is too slow.</summary>
    public bool Held { get; set; }

    /// <summary>The requests so far.</summary>
    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    /// <summary>The Planner requests so far (no profile reads).</summary>
    public IReadOnlyList<GraphRequest> PlannerRequests => [.. _requests.Where(r => !r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal))];

    /// <summary>The API root to configure as <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl => new Uri(_server.BaseAddress, "v1.0/").ToString();

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        graph._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("v1.0/users/{id}", (Delegate)graph.AnswerUserAsync);
            app.MapGet("v1.0/groups/{id}/planner/plans", (Delegate)graph.PlansAsync);
            app.MapPost("v1.0/planner/tasks", (Delegate)graph.CreateAsync);
            app.MapGet("v1.0/planner/tasks/{id}", (Delegate)graph.ReadAsync);
            app.MapGet("v1.0/planner/tasks/{id}/details", (Delegate)graph.DetailsAsync);
            app.MapPatch("v1.0/planner/tasks/{id}/details", (Delegate)graph.PatchDetailsAsync);
        });
        return graph;
    }

    /// <summary>
    /// Holds the answer to the next request whose method is <paramref name="method"/> (e.g. <c>POST</c>, a task created)
    /// until <see cref="Release"/>: a Graph slow to answer one call, for a test to do something meanwhile.
    /// </summary>
    public void HoldNext(string method) => _holdNext = method;

    /// <summary>Done once the request <see cref="HoldNext"/> waits for has arrived (and is being held).</summary>
    public Task HeldArrived => _heldArrived.Task;

    /// <summary>Lets the held request be answered.</summary>
    public void Release() => _heldReleased.TrySetResult();

    /// <summary>Answers the next request that matches <paramref name="fault"/> with its status instead.</summary>
    public void Fail(GraphFault fault) => _faults.Enqueue(fault);

    /// <summary>Someone completes the task in Planner.</summary>
    public void Complete(string taskId)
    {
        lock (_gate)
        {
            Tasks[taskId].PercentComplete = 100;
            Tasks[taskId].ETag = NextETag();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        _heldReleased.TrySetResult();
        await _server.DisposeAsync();
    }

    private async Task<IResult> AnswerUserAsync(HttpContext http, string id)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        return Departments.TryGetValue(id, out var department)
            ? Results.Json(new Dictionary<string, string?> { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(department)/$entity", ["department"] = department })
            : Results.NotFound();
    }

    private async Task<IResult> PlansAsync(HttpContext http, string id)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        if (!Plans.TryGetValue(id, out var plans))
        {
            return Results.NotFound();
        }

        var value = new JsonArray([.. plans.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["title"] = p.Title, ["@odata.etag"] = "W/\"plan\"" })]);
        return Json(new JsonObject { ["value"] = value });
    }

    private async Task<IResult> CreateAsync(HttpContext http)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        var body = (JsonObject)JsonNode.Parse(Recorded(http).Body!)!;
        lock (_gate)
        {
            var task = new FakePlannerTask
            {
                Id = "task-" + (Tasks.Count + 1),
                Created = body,
                ETag = NextETag(),
                DetailsETag = NextETag(),
            };
            Tasks[task.Id] = task;
            return Results.Json(TaskJson(task), statusCode: 201);
        }
    }

    private async Task<IResult> ReadAsync(HttpContext http, string id)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        lock (_gate)
        {
            return Tasks.TryGetValue(id, out var task) ? Json(TaskJson(task)) : Results.NotFound();
        }
    }

    private async Task<IResult> DetailsAsync(HttpContext http, string id)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        lock (_gate)
        {
            if (!Tasks.TryGetValue(id, out var task))
            {
                return Results.NotFound();
            }

            var details = Json(new JsonObject { ["id"] = id, ["description"] = task.Description ?? string.Empty, ["@odata.etag"] = task.DetailsETag });
            if (DetailsChangesAfterRead > 0)
            {
                DetailsChangesAfterRead--;
                task.DetailsETag = NextETag();
            }

            return details;
        }
    }

    private async Task<IResult> PatchDetailsAsync(HttpContext http, string id)
    {
        if (await RecordAsync(http) is { } answered)
        {
            return answered;
        }

        var request = Recorded(http);
        lock (_gate)
        {
            if (!Tasks.TryGetValue(id, out var task))
            {
                return Results.NotFound();
            }

            if (request.IfMatch != task.DetailsETag)
            {
                return Results.StatusCode(412);
            }

            task.Description = (string?)JsonNode.Parse(request.Body!)!["description"];
            task.DetailsETag = NextETag();
            return Results.NoContent();
        }
    }

    // Records the request; answers it with a scripted fault or the status for everything, if any.
    private async Task<IResult?> RecordAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = new GraphRequest(http.Request.Path, http.Request.QueryString.Value ?? string.Empty, http.Request.Headers.Authorization.FirstOrDefault())
        {
            Method = http.Request.Method,
            Body = body.Length == 0 ? null : body,
            IfMatch = http.Request.Headers.IfMatch.FirstOrDefault(),
        };
        http.Items[nameof(GraphRequest)] = request;
        IResult? answer = null;
        var held = false;
        lock (_gate)
        {
            _requests.Enqueue(request);
            if (_holdNext == request.Method)
            {
                _holdNext = null;
                held = true;
            }

            if (_faults.TryPeek(out var fault) && fault.Method == request.Method && request.Path.EndsWith(fault.PathEnd, StringComparison.Ordinal)
                && _faults.TryDequeue(out _))
            {
                if (fault.RetryAfter is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                answer = Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "scripted", ["message"] = "A scripted fault." } }, statusCode: fault.Status);
            }
        }

        if (Held)
        {
            await _released.Task.WaitAsync(http.RequestAborted);
        }

        if (held)
        {
            _heldArrived.TrySetResult();
            await _heldReleased.Task.WaitAsync(http.RequestAborted);
        }

        return answer ?? (Status is { } status ? Results.StatusCode(status) : null);
    }

    // This request as recorded (requests answered at once may be recorded in another order).
    private static GraphRequest Recorded(HttpContext http) => (GraphRequest)http.Items[nameof(GraphRequest)]!;

    private static JsonObject TaskJson(FakePlannerTask task) => new()
    {
        ["id"] = task.Id,
        ["planId"] = (string?)task.Created["planId"],
        ["title"] = (string?)task.Created["title"],
        ["percentComplete"] = task.PercentComplete,
        ["dueDateTime"] = (string?)task.Created["dueDateTime"],
        ["@odata.etag"] = task.ETag,
    };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private string NextETag() => $"W/\"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBA{Interlocked.Increment(ref _versions)}Jyc=\"";
}
