namespace JourneyBot.Bench.Micro.Maps;

/// <summary>The maps the card benchmarks are run on.</summary>
public enum MapSize
{
    /// <summary>A real workshop: 6 stages, 40 items, 8 members from 4 departments (<see cref="TypicalMap"/>).</summary>
    Typical,

    /// <summary>The worst a map gets: 12 stages, 1,000 long items, 50 members from 10 departments (<see cref="HugeMap"/>).</summary>
    Huge,
}
