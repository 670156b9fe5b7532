namespace JourneyBot.Protocol.Schema;

/// <summary>The connector's answer to a send, reply or update: the id of the activity.</summary>
/// <param name="Id">The activity id; needed later to update or delete it.</param>
public sealed record ResourceResponse(string? Id);
