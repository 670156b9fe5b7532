namespace JourneyBot.Bench.Load.Reporting;

/// <summary>What one kind of turn costs, from the profile run (one session, turn by turn).</summary>
internal sealed record KindProfile
{
    public required string Kind { get; init; }

    public required int Turns { get; init; }

    public required double P50Ms { get; init; }

    /// <summary>Storage requests made while the turn was answered.</summary>
    public required double StorageOpsPerTurn { get; init; }

    /// <summary>Storage requests the turn caused later (a progress card update, not coalesced with others here).</summary>
    public required double DeferredStorageOpsPerTurn { get; init; }

    /// <summary>The turn's storage requests by kind, e.g. <c>read 1, insert 1</c>.</summary>
    public required string StorageOperations { get; init; }

    public required double ConnectorCallsPerTurn { get; init; }

    public required double DeferredConnectorCallsPerTurn { get; init; }

    public required double ConnectorBytesPerTurn { get; init; }
}
