using JourneyBot.Protocol.Connector;

namespace JourneyBot.Protocol.Tests;

public sealed class ServiceUrlPolicyTests
{
    private static readonly ServiceUrlPolicy Teams = new(ServiceUrlPolicy.DefaultHosts, allowLoopback: false, loopbackOnly: false);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.TrafficManager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/")]
    public void The_teams_and_bot_framework_connectors_are_allowed(string serviceUrl)
    {
        Assert.True(Teams.IsAllowed(serviceUrl));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://evil.example/teams/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/")]
    [InlineData("https://evilsmba.trafficmanager.net/teams/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("https://localhost/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("/teams/")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_hosts_plain_http_and_loopback_are_refused(string? serviceUrl)
    {
        Assert.False(Teams.IsAllowed(serviceUrl));
    }

    [Theory]
    [InlineData(true, false, "http://127.0.0.1:56150/_connector", true)]
    [InlineData(true, false, "http://localhost:3978/", true)]
    [InlineData(true, false, "http://[::1]:3978/", true)]
    [InlineData(true, false, "https://smba.trafficmanager.net/teams/", true)]
    [InlineData(true, false, "http://10.0.0.1/", false)]
    [InlineData(false, true, "http://127.0.0.1:56150/_connector", true)]
    [InlineData(false, true, "https://smba.trafficmanager.net/teams/", false)]
    [InlineData(false, true, "http://10.0.0.1/", false)]
    public void Loopback_is_allowed_beside_the_list_when_said_and_alone_without_authentication(
        bool allowLoopback, bool loopbackOnly, string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(ServiceUrlPolicy.DefaultHosts, allowLoopback, loopbackOnly);

        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }

    [Fact]
    public void A_configured_list_replaces_the_default_one()
    {
        var policy = new ServiceUrlPolicy(["connector.contoso.example", "*.bots.contoso.example"], allowLoopback: false, loopbackOnly: false);

        Assert.True(policy.IsAllowed("https://connector.contoso.example/"));
        Assert.True(policy.IsAllowed("https://eu.bots.contoso.example/"));
        Assert.False(policy.IsAllowed("https://bots.contoso.example/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/teams/"));
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", true)]
    [InlineData("*.botframework.com", true)]
    [InlineData("https://smba.trafficmanager.net/", false)]
    [InlineData("smba.trafficmanager.net/teams", false)]
    [InlineData("*", false)]
    [InlineData("*.com.*", false)]
    [InlineData("a*.botframework.com", false)]
    [InlineData("", false)]
    public void A_host_pattern_is_a_host_name_or_a_wildcard_for_its_subdomains(string pattern, bool valid)
    {
        Assert.Equal(valid, ServiceUrlPolicy.IsHostPattern(pattern));
    }
}
