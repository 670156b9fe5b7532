namespace JourneyBot.Conversation.Flow.Routing;

/// <summary>Every command's route, found by the command's type. Each type is registered once.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<Type, CommandRoute> _routes = [];

    /// <summary>The routes, for tests that walk the table.</summary>
    public IReadOnlyCollection<CommandRoute> Routes => _routes.Values;

    /// <summary>Registers <paramref name="route"/>; a second route for the same command type is a mistake caught at start-up.</summary>
    public RouteTable Add(CommandRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!_routes.TryAdd(route.CommandType, route))
        {
            throw new InvalidOperationException($"{route.CommandType.Name} has two routes; each command is registered once.");
        }

        return this;
    }

    /// <summary>The route of <paramref name="command"/>; every command type has one (a test walks them all).</summary>
    public CommandRoute For(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _routes.TryGetValue(command.GetType(), out var route)
            ? route
            : throw new InvalidOperationException($"{command.GetType().Name} has no route.");
    }
}
