using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Profiles;

/// <summary>
/// Members' departments from their Microsoft Graph profiles (<c>GET users/{id}?$select=department</c>),
/// read with the bot's app-only token, which needs the application permission <c>User.Read.All</c>.
/// Anything but a department in time (no permission, no profile, an error, a timeout) is unknown,
/// and the member is asked instead.
/// </summary>
/// <remarks>
/// It serves the conversation, which lives as long as the host, so it takes a client from the
/// factory for each lookup rather than holding one: the factory recycles its handlers (DNS
/// changes, stale connections). A member is looked up once per team (the answer is kept on their
/// row), in the turn of their first contribution, which waits for it at most <see cref="GraphOptions.Timeout"/>.
/// </remarks>
internal sealed class GraphMemberProfiles(
    IHttpClientFactory clients, IAppTokenProvider tokens, IOptions<GraphOptions> options, ILogger<GraphMemberProfiles> logger)
    : IMemberProfiles
{
    /// <summary>The name of the HttpClient that calls Graph.</summary>
    public const string HttpClientName = "JourneyBot.Graph";

    /// <summary>The resource of Graph tokens.</summary>
    public const string Resource = "https://graph.microsoft.com";

    private int _toldOfMissingConsent;

    public async Task<string?> FindDepartmentAsync(Person member, string? tenantId, CancellationToken cancellationToken)
    {
        // Only an Entra object id names a profile; a channel's own id for a member (29:…) does not.
        if (!Guid.TryParse(member.Id, out var objectId))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var tenant = Guid.TryParse(tenantId, out var id) ? id.ToString() : null;
            var token = await tokens.GetTokenAsync(Resource, tenant, timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"users/{objectId}?$select=department");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return await DepartmentOfAsync(response, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The token, the network, the answer or the time: whatever failed, the member is asked.
            WebLog.LogProfileUnread(logger, ex.GetType().Name);
            return null;
        }
    }

    private async Task<string?> DepartmentOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            if (Interlocked.Exchange(ref _toldOfMissingConsent, 1) == 0)
            {
                WebLog.LogProfilesForbidden(logger);
            }

            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            WebLog.LogProfileNotRead(logger, (int)response.StatusCode);
            return null;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var profile = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return profile.RootElement.ValueKind == JsonValueKind.Object
            && profile.RootElement.TryGetProperty("department", out var department) && department.ValueKind == JsonValueKind.String
                ? department.GetString()
                : null;
    }
}
