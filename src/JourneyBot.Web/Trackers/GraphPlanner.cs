using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Protocol.Connector;
using JourneyBot.Web.Profiles;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Trackers;

/// <summary>
/// Planner through Microsoft Graph v1.0, as four plain requests on a typed client (see
/// <see cref="IPlanner"/>), with the bot's app-only token for Graph (its secret, or its managed
/// identity), the same token path as members' profiles.
/// </summary>
/// <remarks>
/// Throttling (429 with Retry-After) is waited out by the client's resilience handler when the
/// wait fits the turn (<see cref="PlannerOptions.MaxRetryAfter"/>); Planner's ETags are kept here:
/// an update carries the ETag last read in If-Match, and one that lost to another change (412)
/// reads the ETag again and tries once more. Any other failure is an answer, never an exception:
/// the action stays as stored, and the member or the next pass tries again.
/// </remarks>
internal sealed class GraphPlanner(IHttpClientFactory clients, IAppTokenProvider tokens, IOptions<PlannerOptions> options, ILogger<GraphPlanner> logger)
    : IPlanner
{
    /// <summary>The name of the HttpClient that calls Planner.</summary>
    public const string HttpClientName = "JourneyBot.Planner";

    // Planner refuses longer titles.
    private const int MaxTitleLength = 255;

    public Task<PlannerResult<IReadOnlyList<PlannerPlan>>> ListPlansAsync(string groupId, string? tenantId, CancellationToken cancellationToken) =>
        CallAsync("plans", tenantId, async (http, token, cancel) =>
        {
            using var request = Request(HttpMethod.Get, $"groups/{Uri.EscapeDataString(groupId)}/planner/plans?$select=id,title", token);
            using var response = await http.SendAsync(request, cancel);
            if (!response.IsSuccessStatusCode)
            {
                return Failed<IReadOnlyList<PlannerPlan>>("plans", PlannerPermissions.Groups, response.StatusCode);
            }

            using var body = await ReadAsync(response, cancel);
            var plans = body.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray()
                    .Where(p => p.ValueKind == JsonValueKind.Object && Text(p, "id") is not null)
                    .Select(p => new PlannerPlan(Text(p, "id")!, Text(p, "title") ?? string.Empty))
                    .ToList()
                : [];
            return PlannerResult.Ok<IReadOnlyList<PlannerPlan>>(plans);
        }, cancellationToken);

    public Task<PlannerResult<PlannerTaskState>> CreateTaskAsync(PlannerNewTask task, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CallAsync("create", tenantId, async (http, token, cancel) =>
        {
            using var request = Request(HttpMethod.Post, "planner/tasks", token);
            request.Content = Json(NewTask(task));
            using var response = await http.SendAsync(request, cancel);
            if (!response.IsSuccessStatusCode || await TaskOfAsync(response, cancel) is not { } created)
            {
                return Failed<PlannerTaskState>("create", PlannerPermissions.Tasks, response.StatusCode);
            }

            await DescribeAsync(http, token, created.Id, task.Description, cancel);
            return PlannerResult.Ok(created);
        }, cancellationToken);
    }

    public Task<PlannerResult<PlannerTaskState>> ReadTaskAsync(string taskId, string? tenantId, CancellationToken cancellationToken) =>
        CallAsync("read", tenantId, async (http, token, cancel) =>
        {
            using var request = Request(HttpMethod.Get, $"planner/tasks/{Uri.EscapeDataString(taskId)}", token);
            using var response = await http.SendAsync(request, cancel);
            return response.IsSuccessStatusCode && await TaskOfAsync(response, cancel) is { } read
                ? PlannerResult.Ok(read)
                : Failed<PlannerTaskState>("read", PlannerPermissions.Tasks, response.StatusCode);
        }, cancellationToken);

    /// <summary>
    /// The body of a new task: assigned by the owner's object id (an open type keyed by it, with
    /// Planner's first order hint <c>" !"</c>), due at noon UTC of the due day, which is that same
    /// day in every time zone from UTC−11 to UTC+11 where Planner shows it.
    /// </summary>
    internal static JsonObject NewTask(PlannerNewTask task) => new()
    {
        ["planId"] = task.PlanId,
        ["title"] = task.Title.Length > MaxTitleLength ? task.Title[..MaxTitleLength] : task.Title,
        ["dueDateTime"] = task.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00:00Z",
        ["assignments"] = new JsonObject
        {
            [task.AssigneeId] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["orderHint"] = " !" },
        },
    };

    // The description lives on the task's details, which have an ETag of their own: read it, update
    // with it, and on 412 (changed meanwhile) read it again and try once more. A task without its
    // description is still the task: logged, not failed.
    private async Task DescribeAsync(HttpClient http, string token, string taskId, string description, CancellationToken cancellationToken)
    {
        var path = $"planner/tasks/{Uri.EscapeDataString(taskId)}/details";
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var read = Request(HttpMethod.Get, path, token);
            using var details = await http.SendAsync(read, cancellationToken);
            if (!details.IsSuccessStatusCode || await ETagOfAsync(details, cancellationToken) is not { } etag)
            {
                status = details.StatusCode;
                break;
            }

            using var patch = Request(HttpMethod.Patch, path, token);
            patch.Headers.TryAddWithoutValidation("If-Match", etag);
            patch.Content = Json(new JsonObject { ["description"] = description });
            using var patched = await http.SendAsync(patch, cancellationToken);
            if (patched.IsSuccessStatusCode)
            {
                return;
            }

            status = patched.StatusCode;
            if (status != HttpStatusCode.PreconditionFailed)
            {
                break;
            }
        }

        WebLog.LogPlannerDescriptionNotSet(logger, taskId, (int)status);
    }

    // One operation within Planner:Timeout, token included; whatever fails is an answer.
    private async Task<PlannerResult<T>> CallAsync<T>(string call, string? tenantId,
        Func<HttpClient, string, CancellationToken, Task<PlannerResult<T>>> operation, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var tenant = Guid.TryParse(tenantId, out var id) ? id.ToString() : null;
            var token = await tokens.GetTokenAsync(GraphMemberProfiles.Resource, tenant, timeout.Token);
            return await operation(clients.CreateClient(HttpClientName), token, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The token, the network, the answer or the time.
            WebLog.LogPlannerUnreachable(logger, call, ex.GetType().Name);
            return PlannerResult.Failed<T>(PlannerFailure.Unavailable);
        }
    }

    private PlannerResult<T> Failed<T>(string call, string permission, HttpStatusCode status)
        where T : class
    {
        switch (status)
        {
            case HttpStatusCode.Forbidden:
                WebLog.LogPlannerForbidden(logger, permission);
                return PlannerResult.Failed<T>(PlannerFailure.Forbidden, permission);
            case HttpStatusCode.NotFound:
                return PlannerResult.Failed<T>(PlannerFailure.NotFound);
            default:
                WebLog.LogPlannerFailed(logger, call, (int)status);
                return PlannerResult.Failed<T>(PlannerFailure.Unavailable);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    // A task as answered: its id, its ETag (in the body, or the header) and how complete it is.
    private static async Task<PlannerTaskState?> TaskOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await ReadAsync(response, cancellationToken);
        var task = body.RootElement;
        if (task.ValueKind != JsonValueKind.Object || Text(task, "id") is not { } id
            || (Text(task, "@odata.etag") ?? response.Headers.ETag?.ToString()) is not { } etag)
        {
            return null;
        }

        var percent = task.TryGetProperty("percentComplete", out var p) && p.TryGetInt32(out var value) ? value : 0;
        return new PlannerTaskState(id, etag, percent);
    }

    private static async Task<string?> ETagOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await ReadAsync(response, cancellationToken);
        return (body.RootElement.ValueKind == JsonValueKind.Object ? Text(body.RootElement, "@odata.etag") : null) ?? response.Headers.ETag?.ToString();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
