using System.Text.Json;
using JourneyBot.Protocol.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// Which channels and tenants the bot serves (<see cref="BotHostOptions.AllowedChannels"/>,
/// <see cref="BotHostOptions.AllowedTenants"/>), decided before the turn reads anything.
/// </summary>
/// <remarks>
/// The member's identity and team come from <c>from</c> and <c>channelData</c>. Teams sets them;
/// a Web Chat or Direct Line client writes them itself, so on those channels anyone holding a
/// conversation could claim to be any member of any team. Outside Development only Teams is served.
/// </remarks>
internal sealed class ServedChannels(IOptions<BotHostOptions> options, IHostEnvironment environment, ILogger<ServedChannels> logger)
{
    /// <summary>The channels served in Development when none are configured: Teams and the local tools.</summary>
    public static readonly IReadOnlyList<string> DevelopmentChannels = [Channels.Teams, "emulator", "webchat"];

    /// <summary>The channels served outside Development when none are configured.</summary>
    public static readonly IReadOnlyList<string> ProductionChannels = [Channels.Teams];

    /// <summary>Whether <paramref name="activity"/>'s channel and tenant are served; logs why not.</summary>
    public bool Serves(Activity activity)
    {
        var channels = options.Value.AllowedChannels
            ?? (environment.IsDevelopment() ? DevelopmentChannels : ProductionChannels);
        if (string.IsNullOrEmpty(activity.ChannelId) || !channels.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            ProtocolLog.ChannelNotServed(logger, activity.Id, activity.ChannelId);
            return false;
        }

        var tenants = options.Value.AllowedTenants;
        if (tenants.Count > 0)
        {
            var tenant = TenantOf(activity);
            if (tenant is null || !tenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            {
                ProtocolLog.TenantNotServed(logger, activity.Id, tenant);
                return false;
            }
        }

        return true;
    }

    // Teams names the tenant in channelData.tenant.id (conversation.tenantId is not always set).
    private static string? TenantOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
