using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace JourneyBot.Testing;

/// <summary>
/// A program the tests or the benchmark start (the bot, Azurite, Agents Playground): its output
/// goes to a log file, and it is killed with its children when disposed or when this process exits.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Every child still running, so that an exit of any kind leaves nothing behind.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];
    private int _disposed;

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        // A crash skips ProcessExit; without this the children would outlive their parent.
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the program has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with its output logged to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills every child still running (on exit, and when asked to stop at once).</summary>
    public static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already ended.
            }
        }
    }

    /// <summary>Waits until the program prints a line matching <paramref name="pattern"/>, or fails if it ends first.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((pattern, found));
        }

        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(found.Task, exited).WaitAsync(timeout, cancellationToken);
        if (first != found.Task)
        {
            throw new InvalidOperationException($"{_process.StartInfo.FileName} ended (exit code {_process.ExitCode}) before printing /{pattern}/.");
        }

        return await found.Task;
    }

    /// <summary>
    /// Asks the program to stop as a platform does (SIGTERM, as App Service and <c>docker stop</c>
    /// send) and returns its exit code once it has ended; throws <see cref="TimeoutException"/>
    /// when it has not ended within <paramref name="timeout"/> (it is then left to <see cref="DisposeAsync"/>).
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!)
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    /// <remarks>Kills the program (SIGKILL on Linux) if it still runs; a second call does nothing.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
            foreach (var (pattern, found) in _waiters)
            {
                if (pattern.Match(line) is { Success: true } match)
                {
                    found.TrySetResult(match);
                }
            }
        }
    }
}
