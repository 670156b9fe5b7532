namespace JourneyBot.Storage.Tests;

/// <summary>Ids as Teams makes them, and as nobody should: each must round-trip and stay apart from the others.</summary>
internal static class OddKeys
{
    public const string Punctuation = "!@#$%^&*()~/\\><,.?';\"";

    public static IReadOnlyList<string> All { get; } =
    [
        "19:abc@thread.tacv2;messageid=1",
        "a:1Bx=",
        "29:1AbC-dEf_GhI=",
        Punctuation,
        "\u0000\u0001\t\n\u001f\u007f\u0085\u009f",
        "emoji 😀🚀 and ünïcödé",
        "h",
        "%68",
        "h~abc",
        "%",
        "~",
        new string('x', 2000),
        new string('x', 1999) + "y",
    ];

    /// <summary>For theories: the index, so a test name does not carry 2,000 characters.</summary>
    public static TheoryData<int> Indexes => [.. Enumerable.Range(0, All.Count)];
}
