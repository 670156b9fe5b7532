using JourneyBot.Conversation.Exports;
using Microsoft.Extensions.Options;

namespace JourneyBot.Conversation.Tests;

public sealed class MapLinksTests
{
    private static readonly string Key = NewKey(7);
    private static readonly string NextKey = NewKey(11);

    private static string NewKey(int step) => Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * step)).ToArray());

    private static MapLinks Links(ManualClock clock, string? key = null, string? baseUrl = "https://bot.example/") =>
        Links(clock, [key ?? Key], baseUrl);

    private static MapLinks Links(ManualClock clock, List<string> keys, string? baseUrl = "https://bot.example/") =>
        new(Options.Create(new MapLinkOptions { BaseUrl = baseUrl, SigningKeys = keys }), clock);

    private static string Token(Uri link) => link.AbsolutePath["/maps/".Length..];

    [Fact]
    public void A_link_names_its_map_and_version_for_seven_days()
    {
        var clock = new ManualClock();
        var links = Links(clock);
        var link = links.For("19:team@thread.tacv2", "map|1", 2);

        Assert.StartsWith("https://bot.example/maps/", link!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new MapLinkCheck(MapLinkStatus.Valid, "19:team@thread.tacv2", "map|1", 2), links.Check(Token(link)));

        clock.Now += TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1);
        Assert.Equal(MapLinkStatus.Valid, links.Check(Token(link)).Status);
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(MapLinkStatus.Expired, links.Check(Token(link)).Status);
    }

    [Fact]
    public void A_link_names_its_key_so_the_previous_key_still_opens_it_after_a_rotation()
    {
        var clock = new ManualClock();
        var token = Token(Links(clock, [Key]).For("team", "map", 1)!);
        var rotated = Links(clock, [NextKey, Key]);
        var newToken = Token(rotated.For("team", "map", 1)!);

        Assert.NotEqual(token.Split('.')[0], newToken.Split('.')[0]);
        Assert.Equal(MapLinkStatus.Valid, rotated.Check(token).Status);
        Assert.Equal(MapLinkStatus.Valid, rotated.Check(newToken).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock, [NextKey]).Check(token).Status);
        Assert.Equal(MapLinkStatus.Valid, Links(clock, [NextKey]).Check(newToken).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock, [NewKey(13), NextKey]).Check(token).Status);
    }

    [Fact]
    public void A_single_key_under_the_old_setting_name_still_signs()
    {
        var clock = new ManualClock();
        var links = new MapLinks(Options.Create(new MapLinkOptions { BaseUrl = "https://bot.example/", SigningKey = Key }), clock);

        Assert.Equal(MapLinkStatus.Valid, Links(clock).Check(Token(links.For("team", "map", 1)!)).Status);
    }

    [Fact]
    public void A_changed_link_or_another_key_is_refused()
    {
        var clock = new ManualClock();
        var token = Token(Links(clock).For("team", "map", 1)!);
        var parts = token.Split('.');
        string With(int index, string value) => string.Join('.', parts.Select((p, i) => i == index ? value : p));

        Assert.Equal(MapLinkStatus.Invalid, Links(clock, key: Convert.ToBase64String(new byte[32])).Check(token).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(With(2, Convert.ToBase64String("other"u8.ToArray()))).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(With(3, "2")).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(With(4, (long.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture) + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture))).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(With(0, "AAAAAAAA")).Status);
        Assert.Equal(MapLinkStatus.Invalid, Links(clock).Check(string.Join('.', parts[1..])).Status);
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
        Assert.Null(links.For("team", "map", 1));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
