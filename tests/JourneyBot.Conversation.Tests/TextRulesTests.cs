using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>What member text keeps when it is cleaned.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", "abcde")]
    [InlineData("\u2066a\u2067b\u2068c\u2069", "abc")]
    [InlineData("a\u200Eb\u200Fc\u061Cd", "abcd")]
    [InlineData("  \u202E  ", "")]
    public void Direction_controls_are_removed(string typed, string kept)
    {
        Assert.Equal(kept, TextRules.Clean(typed, 100, "text", out _));
    }

    [Fact]
    public void Right_to_left_text_itself_is_kept()
    {
        Assert.Equal("שלום עולם مرحبا", TextRules.Clean("שלום  עולם\tمرحبا", 100, "text", out var problem));
        Assert.Null(problem);
    }
}
