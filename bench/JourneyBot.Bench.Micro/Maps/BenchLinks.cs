using JourneyBot.Conversation.Exports;
using Microsoft.Extensions.Options;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>Map links switched on, as in production: published cards then carry their four link buttons.</summary>
internal static class BenchLinks
{
    public static MapLinks Create() => new(Options.Create(new MapLinkOptions
    {
        BaseUrl = "https://journeybot.example.com",
        SigningKeys = [Convert.ToBase64String(new byte[32])],
    }), TimeProvider.System);
}
