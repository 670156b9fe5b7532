using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (v3), as a typed <see cref="HttpClient"/>. Every call names the
/// service URL of the conversation, because one bot talks to many connectors.
/// </summary>
/// <remarks>
/// Credentials and retries are not this class's business: they are handlers on its HttpClient
/// (see <see cref="ConnectorAuthenticationHandler"/> and <c>AddBotProtocol</c>).
/// </remarks>
public sealed class ConnectorClient(HttpClient http)
{
    private const string OperationIdHeader = "X-Correlating-OperationId";

    /// <summary>Posts a new activity to a conversation (<c>POST v3/conversations/{id}/activities</c>).</summary>
    public Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ConnectorUri.For(serviceUrl, "v3", "conversations", conversationId, "activities"),
            activity, cancellationToken);

    /// <summary>Replies to an activity (<c>POST v3/conversations/{id}/activities/{activityId}</c>).</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post,
            ConnectorUri.For(serviceUrl, "v3", "conversations", conversationId, "activities", activityId),
            activity, cancellationToken);

    /// <summary>Replaces an activity, e.g. a card (<c>PUT v3/conversations/{id}/activities/{activityId}</c>).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put,
            ConnectorUri.For(serviceUrl, "v3", "conversations", conversationId, "activities", activityId),
            activity, cancellationToken);

    /// <summary>Deletes an activity (<c>DELETE v3/conversations/{id}/activities/{activityId}</c>).</summary>
    public async Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete,
            ConnectorUri.For(serviceUrl, "v3", "conversations", conversationId, "activities", activityId));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Starts a conversation, e.g. a 1:1 chat or a new channel thread (<c>POST v3/conversations</c>).</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, ConnectorUri.For(serviceUrl, "v3", "conversations"))
        {
            Content = JsonContent.Create(parameters, ProtocolJson.Default.ConversationParameters),
        };
        return await ReadAsync(request, ProtocolJson.Default.ConversationResourceResponse, cancellationToken)
            ?? new ConversationResourceResponse(null, null, null);
    }

    /// <summary>One page of a conversation's members (<c>GET v3/conversations/{id}/pagedmembers</c>).</summary>
    public async Task<PagedMembersResult> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var uri = ConnectorUri.For(serviceUrl, "v3", "conversations", conversationId, "pagedmembers");
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        if (query.Count > 0)
        {
            uri = new UriBuilder(uri) { Query = string.Join('&', query) }.Uri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return await ReadAsync(request, ProtocolJson.Default.PagedMembersResult, cancellationToken)
            ?? new PagedMembersResult([], null);
    }

    /// <summary>A Teams team's details, its Microsoft 365 group among them (<c>GET v3/teams/{teamId}</c>).</summary>
    public async Task<TeamDetails?> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ConnectorUri.For(serviceUrl, "v3", "teams", teamId));
        return await ReadAsync(request, ProtocolJson.Default.TeamDetails, cancellationToken);
    }

    /// <summary>All members of a conversation, page after page until the connector has no more.</summary>
    public async IAsyncEnumerable<ChannelAccount> GetAllMembersAsync(
        string serviceUrl, string conversationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, pageSize: null, token, cancellationToken);
            foreach (var member in page.Members ?? [])
            {
                yield return member;
            }

            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private async Task<ResourceResponse> SendAsync(
        HttpMethod method, Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var request = new HttpRequestMessage(method, uri)
        {
            Content = JsonContent.Create(activity, ProtocolJson.Default.Activity),
        };
        return await ReadAsync(request, ProtocolJson.Default.ResourceResponse, cancellationToken)
            ?? new ResourceResponse(null);
    }

    private async Task<T?> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        // Some connectors (the Playground's among them) answer 202 with an empty or non-JSON body.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var operationId = response.Headers.TryGetValues(OperationIdHeader, out var values) ? values.FirstOrDefault() : null;
        string? code = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse, cancellationToken);
            code = error?.Error?.Code;
        }
        catch (JsonException)
        {
            // The body was not a connector error; the status says enough.
        }

        throw new ConnectorException(response.StatusCode, code, operationId,
            $"The connector answered {(int)response.StatusCode} {response.ReasonPhrase}" +
            (code is null ? "." : $" ({code})."));
    }
}
