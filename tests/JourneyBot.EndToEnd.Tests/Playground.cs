using System.Text.RegularExpressions;
using JourneyBot.Testing;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Microsoft 365 Agents Playground (the pinned npm package in tools/), pointed at the bot in the
/// msteams channel. It posts Teams-shaped activities to the bot and hosts the connector the bot replies to.
/// </summary>
public sealed partial class Playground : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _workDirectory;

    private Playground(ChildProcess process, int port, string workDirectory)
    {
        _process = process;
        Port = port;
        _workDirectory = workDirectory;
    }

    /// <summary>The bot's name in the page (playground/.m365agentsplayground.yml): its posts' author and its entry in the @ menu.</summary>
    public const string BotName = "JourneyBot";

    /// <summary>The port of its page and connector.</summary>
    public int Port { get; }

    /// <summary>Its page.</summary>
    public string PageUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>Starts it for <paramref name="botMessagesUrl"/> and waits until its page answers.</summary>
    public static async Task<Playground> StartAsync(string botMessagesUrl, string logPath)
    {
        var cli = Path.Combine(RepoPaths.Root, "tools", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException("Agents Playground is not installed: run scripts/ensure-tools.sh (scripts/test.sh does).");
        }

        var port = FreePort.Next();
        // Its own folder: it writes devTools/ logs there and reads the team, chats and people from
        // the same .m365agentsplayground.yml the run command uses.
        var work = Directory.CreateTempSubdirectory("journeybot-playground-").FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "playground", ".m365agentsplayground.yml"), Path.Combine(work, ".m365agentsplayground.yml"));
        var process = ChildProcess.Start("node",
            [cli, "-e", botMessagesUrl, "-c", "msteams", "--dt", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--service-url", $"http://127.0.0.1:{port}/_connector"],
            work,
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" },
            logPath);
        var playground = new Playground(process, port, work);

        // A busy port makes it pick another one silently: insist on ours.
        var listening = await process.WaitForLineAsync(ListeningOn(), TimeSpan.FromSeconds(60));
        if (listening.Groups[1].Value != port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await playground.DisposeAsync();
            throw new InvalidOperationException($"Agents Playground listens on {listening.Groups[1].Value}, not on {port}.");
        }

        // "Listening on" comes before its configuration is loaded; the page answering means it is up.
        await playground.WaitForPageAsync();
        return playground;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }

    private async Task WaitForPageAsync()
    {
        using var http = new HttpClient();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("Agents Playground ended while starting; see its log in .test-artifacts/e2e.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(PageUrl));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
        }
        while (DateTime.UtcNow < deadline && await timer.WaitForNextTickAsync());

        throw new TimeoutException("Agents Playground's page did not answer within 30 seconds.");
    }

    [GeneratedRegex(@"^Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
