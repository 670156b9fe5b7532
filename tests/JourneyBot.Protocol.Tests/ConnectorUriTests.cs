using JourneyBot.Protocol.Connector;

namespace JourneyBot.Protocol.Tests;

public sealed class ConnectorUriTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/v3/conversations/c/activities")]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/v3/conversations/c/activities")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/c/activities")]
    [InlineData("http://localhost:56150/_connector", "http://localhost:56150/_connector/v3/conversations/c/activities")]
    [InlineData("https://example.com", "https://example.com/v3/conversations/c/activities")]
    public void The_path_of_the_service_url_is_kept(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorUri.For(serviceUrl, "v3", "conversations", "c", "activities").AbsoluteUri);
    }

    [Fact]
    public void Teams_ids_are_escaped_as_data()
    {
        var uri = ConnectorUri.For("https://smba.trafficmanager.net/teams/",
            "v3", "conversations", "19:abc@thread.tacv2;messageid=1", "activities", "1:a/b?c#d");

        Assert.Equal(
            "/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/1%3Aa%2Fb%3Fc%23d",
            uri.AbsolutePath);
        Assert.Empty(uri.Query);
        Assert.Empty(uri.Fragment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/")]
    [InlineData("ftp://example.com/")]
    public void A_service_url_that_is_not_absolute_http_is_refused(string serviceUrl)
    {
        Assert.ThrowsAny<ArgumentException>(() => ConnectorUri.For(serviceUrl, "v3"));
    }
}
