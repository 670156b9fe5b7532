using JourneyBot.Conversation.Exports;
using Microsoft.Extensions.Options;

namespace JourneyBot.Conversation.Tests;

public sealed class MapLinksTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    private static MapLinks Links(ManualClock clock, string? key = null, string? baseUrl = "https://bot.example/") =>
        new(Options.Create(new MapLinkOptions { BaseUrl = baseUrl, SigningKey = key ?? Key, Lifetime = TimeSpan.FromDays(30) }), clock);

    private static string Token(Uri link) => link.AbsolutePath["/maps/".Length..];

    [Fact]
    public void A_link_names_its_map_until_it_expires()
    {
        var clock = new ManualClock();
        var links = Links(clock);
        var link = links.For("19:team@thread.tacv2", "map|1");

        Assert.StartsWith("https://bot.example/maps/", link!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new MapLinkCheck(MapLinkStatus.Valid, "19:team@thread.tacv2", "map|1"), links.Check(Token(link)));

        clock.Now += TimeSpan.FromDays(31);
        Assert.Equal(MapLinkStatus.Expired, links.Check(Token(link)).Status);
    }

    [Fact]
    public void A_changed_link_or_another_key_is_refused()
    {
        var clock = new ManualClock();
        var token = Token(Links(clock).For("team", "map")!);
        var parts = token.Split('.');

        Assert.Equal(MapLinkStatus.Invalid, Links(clock, key: Convert.ToBase64String(new byte[32])).Check(token).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check($"{parts[0]}.{Convert.ToBase64String("other"u8.ToArray())}.{parts[2]}.{parts[3]}").Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check($"{parts[0]}.{parts[1]}.{long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 86400}.{parts[3]}").Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(token[..^2]).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check("not-a-token").Status);
    }

    [Theory]
    [InlineData(null, "https://bot.example/")]
    [InlineData("c2hvcnQ=", "https://bot.example/")]
    [InlineData("not base64!", "https://bot.example/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", null)]
    public void Without_a_good_key_and_a_base_address_there_are_no_links(string? key, string? baseUrl)
    {
        var links = new MapLinks(Options.Create(new MapLinkOptions { BaseUrl = baseUrl, SigningKey = key }), new ManualClock());

        Assert.False(links.Enabled);
        Assert.Null(links.For("team", "map"));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
