using System.Text.Json.Nodes;
using JourneyBot.Conversation.Flow;

namespace JourneyBot.AppPackage.Tests;

/// <summary>
/// The commands Teams offers in the compose box are ones the bot understands: each title, as
/// Teams types it, read by the bot's own parser, is a command and not an answer or gibberish.
/// </summary>
public sealed class CommandListTests
{
    private static readonly JsonNode Bot =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Samples.ManifestFolder, "manifest.json")))!["bots"]![0]!;

    public static TheoryData<string, string> Commands => new(
        Bot["commandLists"]!.AsArray().SelectMany(list =>
            list!["commands"]!.AsArray().Select(command => (string.Join("+", list["scopes"]!.AsArray().Select(s => (string)s!)), (string)command!["title"]!))));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_title_is_a_command_the_bot_understands(string scopes, string title)
    {
        var command = CommandParser.Parse(title);

        Assert.False(command is AnswerCommand or UnknownCommand, $"{scopes}: '{title}' reads as {command}");
    }

    [Fact]
    public void The_parser_check_can_tell_a_word_the_bot_does_not_know()
    {
        Assert.IsType<AnswerCommand>(CommandParser.Parse("frobnicate"));
        Assert.IsType<UnknownCommand>(CommandParser.Parse("rename"));
    }

    [Fact]
    public void Every_scope_of_the_bot_has_one_list_of_at_most_ten_commands_each_with_a_description()
    {
        var botScopes = Bot["scopes"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal).ToList();
        var lists = Bot["commandLists"]!.AsArray().Select(list => list!).ToList();
        var listScopes = lists.SelectMany(list => list["scopes"]!.AsArray().Select(s => (string)s!)).ToList();

        Assert.Equal(["groupChat", "personal", "team"], botScopes);
        Assert.Equal(botScopes, listScopes.Order(StringComparer.Ordinal));
        Assert.All(lists, list =>
        {
            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 3, 10);
            Assert.Equal(commands.Count, commands.Select(c => (string)c!["title"]!).Distinct(StringComparer.Ordinal).Count());
            Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 10, 128));
        });
    }

    [Fact]
    public void Every_command_title_is_in_the_bot_help_text()
    {
        var titles = Bot["commandLists"]!.AsArray().SelectMany(list => list!["commands"]!.AsArray().Select(c => (string)c!["title"]!)).Distinct();

        Assert.All(titles, title => Assert.Contains($"**{title}**", Texts.Help, StringComparison.Ordinal));
    }
}
