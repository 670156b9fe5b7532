namespace JourneyBot.Web.Members;

/// <summary>A member as Teams lists them, enough to start a 1:1 chat with them and find their row.</summary>
/// <param name="Id">Their id in Teams (<c>29:…</c>), which a 1:1 chat is started with.</param>
/// <param name="Name">Their display name, for cards; never logged.</param>
/// <param name="AadObjectId">Their Entra object id, where Teams gives it.</param>
public sealed record ChatMember(string Id, string? Name, string? AadObjectId)
{
    /// <summary>The key of their member row: the Entra object id where known, else the Teams id (as a turn of theirs names them).</summary>
    public string PersonId => string.IsNullOrEmpty(AadObjectId) ? Id : AadObjectId;
}
