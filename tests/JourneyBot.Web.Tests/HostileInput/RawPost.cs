using System.Net.Http.Headers;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>Posts bodies as bytes, so that a test can send what no string holds (invalid UTF-8).</summary>
internal static class RawPost
{
    /// <summary>Posts <paramref name="body"/> to <c>/api/messages</c> as it is; returns when the HTTP answer is in.</summary>
    public static async Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
