namespace JourneyBot.AppPackage;

/// <summary>
/// A subcommand's <c>--name value</c> (or <c>--name=value</c>) options, each known and given once,
/// with the environment variable that stands in for an option the user left out.
/// </summary>
internal sealed class OptionArgs
{
    private readonly Dictionary<string, string> _given;
    private readonly Func<string, string?> _environment;

    private OptionArgs(Dictionary<string, string> given, bool helpWanted, Func<string, string?> environment)
    {
        _given = given;
        HelpWanted = helpWanted;
        _environment = environment;
    }

    /// <summary>Whether <c>--help</c> or <c>-h</c> was among the arguments.</summary>
    public bool HelpWanted { get; }

    /// <summary>Reads <paramref name="args"/>; an option not in <paramref name="known"/> is a usage error.</summary>
    public static OptionArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'; options look like --domain journeybot.azurewebsites.net (see --help).");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option {name}; the options are {string.Join(", ", known)} (see --help).");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value after it.");
            }

            if (!given.TryAdd(name, value))
            {
                throw new UsageException($"{name} is given twice; pass it once.");
            }
        }

        return new OptionArgs(given, help, environment);
    }

    /// <summary>
    /// The option's value, else the environment variable's (an empty variable counts as unset),
    /// with the name to quote in a message about it.
    /// </summary>
    public (string? Value, string Source) Get(string option, string? environmentVariable = null)
    {
        if (_given.TryGetValue(option, out var value))
        {
            return (value, option);
        }

        if (environmentVariable is not null && _environment(environmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return (fromEnvironment, $"{environmentVariable} ({option})");
        }

        return (null, option);
    }
}
