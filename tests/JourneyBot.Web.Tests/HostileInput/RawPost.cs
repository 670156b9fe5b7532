using System.Net.Http.Headers;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>Posts bodies as bytes, so that a test can send what no string holds (invalid UTF-8).</summary>
internal static class RawPost
{
    /// <summary>Posts <paramref name="body"/> to <c>/api/messages</c> as it is, and waits for the sends that follow the answer.</summary>
    public static async Task<HttpResponseMessage> PostBytesAsync(this BotApp app, HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await app.SendsAfterAnswerAsync();
        return response;
    }
}
