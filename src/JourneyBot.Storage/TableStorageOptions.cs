namespace JourneyBot.Storage;

/// <summary>
/// Where the maps are stored: the section <c>Storage</c>, plus the connection string
/// <c>ConnectionStrings:Tables</c>.
/// </summary>
/// <remarks>
/// Locally and in tests a connection string (<c>UseDevelopmentStorage=true</c> for Azurite); in Azure
/// the table endpoint and the app's managed identity, so that no account key is kept anywhere.
/// Exactly one of the two must be set.
/// </remarks>
public sealed class TableStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The name, under <c>ConnectionStrings</c>, of the connection string.</summary>
    public const string ConnectionStringName = "Tables";

    /// <summary>A storage connection string (from <c>ConnectionStrings:Tables</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table endpoint, e.g. <c>https://account.table.core.windows.net</c>, reached with a managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty: the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The table holding every team's maps.</summary>
    public string TableName { get; set; } = "journeymaps";

    /// <summary>
    /// How long one request may take before it is retried. With <see cref="MaxRetries"/> and
    /// <see cref="RetryDelay"/> it bounds a storage call (<see cref="WorstCaseRequestTime"/>), which
    /// must fit inside a turn's deadline (<c>BotHost:TurnTimeout</c>, 10 s): 2 tries of 3 s leave
    /// room for the rest of the turn; a frozen storage used to hold turns 3 × 10 s.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times a failed or timed-out request is tried again (so 1 means two tries).</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>The pause before a retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest one storage call can take, all its tries and pauses included (a fifth more per
    /// pause, in case the client adds jitter; longer only when storage itself asks for it with Retry-After).
    /// </summary>
    public TimeSpan WorstCaseRequestTime => (NetworkTimeout * (MaxRetries + 1)) + (RetryDelay * 1.2 * MaxRetries);

    /// <summary>
    /// How long a conversation's map and a member's department, as this instance last read or
    /// wrote them, are used without asking storage again, for contributions and status only.
    /// Map writes are always checked against storage (ETag); what may lag another instance's
    /// change by this much is what a status shows and whether contributions are still open (a
    /// contribution may land just after the facilitator moved on elsewhere, as if it came a
    /// moment sooner). Long enough that a member contributing every few seconds in one of a
    /// thousand busy sessions still finds the copy. Zero reads storage every time.
    /// </summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At most this many maps (and as many members) are kept in memory.</summary>
    public int CacheCapacity { get; set; } = 10_000;

    /// <summary>
    /// At most this many bytes of map copies (their JSON as UTF-8) are kept in memory; when full, the
    /// least recently used go first. 64 MB holds ten thousand maps of 6 KB.
    /// </summary>
    public long CacheMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Off when null (the default): maps are kept until deleted. Set, a finished map (published,
    /// archived or cancelled) that nobody changed for this many days is deleted with everything
    /// stored for it, by a background pass every hour. Active maps are never removed this way.
    /// </summary>
    public int? RetainDays { get; set; }
}
