using System.Net;
using System.Net.Http.Headers;
using JourneyBot.Protocol.Connector;

namespace JourneyBot.Protocol.Tests;

public sealed class ConnectorRetryRulesTests
{
    private static readonly HttpRequestException NotConnected = new(HttpRequestError.ConnectionError, "refused");
    private static readonly HttpRequestException Lost = new(HttpRequestError.ResponseEnded, "the connection closed mid-answer");

    [Theory]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 503, true)]
    [InlineData("POST", 412, false)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 502, false)]
    [InlineData("POST", 504, false)]
    [InlineData("PUT", 412, true)]
    [InlineData("PUT", 502, true)]
    [InlineData("PUT", 504, true)]
    [InlineData("GET", 503, true)]
    [InlineData("DELETE", 429, true)]
    [InlineData("PUT", 500, false)]
    [InlineData("PUT", 400, false)]
    [InlineData("GET", 403, false)]
    [InlineData("GET", 200, false)]
    public void Which_answers_are_retried(string method, int status, bool retried)
    {
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(new HttpMethod(method), (HttpStatusCode)status, exception: null));
    }

    [Fact]
    public void A_post_that_never_reached_the_connector_is_retried_and_one_that_may_have_is_not()
    {
        Assert.True(ConnectorRetryRules.ShouldRetry(HttpMethod.Post, status: null, NotConnected));
        Assert.False(ConnectorRetryRules.ShouldRetry(HttpMethod.Post, status: null, Lost));
        Assert.True(ConnectorRetryRules.ShouldRetry(HttpMethod.Put, status: null, Lost));
        Assert.False(ConnectorRetryRules.ShouldRetry(HttpMethod.Put, status: null, new InvalidOperationException()));
    }

    [Fact]
    public void Retry_After_is_honoured_up_to_the_cap()
    {
        var now = DateTimeOffset.Parse("2026-12-05T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var cap = TimeSpan.FromSeconds(60);

        Assert.Equal(TimeSpan.FromSeconds(2), ConnectorRetryRules.RetryAfter(Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))), cap, now));
        Assert.Equal(cap, ConnectorRetryRules.RetryAfter(Answer(new RetryConditionHeaderValue(TimeSpan.FromDays(1))), cap, now));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorRetryRules.RetryAfter(Answer(new RetryConditionHeaderValue(now.AddSeconds(30))), cap, now));
        Assert.Equal(cap, ConnectorRetryRules.RetryAfter(Answer(new RetryConditionHeaderValue(now.AddYears(1))), cap, now));
        Assert.Equal(TimeSpan.Zero, ConnectorRetryRules.RetryAfter(Answer(new RetryConditionHeaderValue(now.AddSeconds(-5))), cap, now));
        Assert.Null(ConnectorRetryRules.RetryAfter(Answer(null), cap, now));
        Assert.Null(ConnectorRetryRules.RetryAfter(null, cap, now));
    }

    private static HttpResponseMessage Answer(RetryConditionHeaderValue? retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };
}
