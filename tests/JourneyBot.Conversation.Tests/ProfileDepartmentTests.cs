using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// A member's department read from their profile in the directory, so that they are not asked;
/// asked once, as without a directory, when the profile does not say.
/// </summary>
public sealed class ProfileDepartmentTests
{
    private const string Question = "which department are you in?";

    [Fact]
    public async Task A_department_on_the_profile_is_not_asked_for_and_speaks_for_the_members_items()
    {
        var directory = new Directory { [Megan.Id] = "Sales" };
        await using var session = await StartAsync(directory);

        var (first, second) = await MeganContributesTwiceAsync(session);

        Assert.DoesNotContain(Question, CardText.Of(first), StringComparison.Ordinal);
        Assert.DoesNotContain(Question, CardText.Of(second), StringComparison.Ordinal);
        Assert.All((await session.BoardAsync()).Items, i => Assert.Equal("Sales", i.AuthorDepartment));
        Assert.Equal("Sales", (await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel))!.Department);
        Assert.Equal([Megan.Id], directory.Asked);
    }

    [Fact]
    public async Task Without_a_department_on_the_profile_the_member_is_asked_once_as_before()
    {
        var directory = new Directory();
        await using var session = await StartAsync(directory);

        var (first, second) = await MeganContributesTwiceAsync(session);

        Assert.Contains(Question, CardText.Of(first), StringComparison.Ordinal);
        Assert.DoesNotContain(Question, CardText.Of(second), StringComparison.Ordinal);
        Assert.All((await session.BoardAsync()).Items, i => Assert.Null(i.AuthorDepartment));
        Assert.Equal([Megan.Id], directory.Asked);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("A department name far longer than any department a member would ever type into the box, and then some more words")]
    public async Task A_profile_department_the_bot_would_refuse_typed_counts_as_unknown(string department)
    {
        await using var session = await StartAsync(new Directory { [Megan.Id] = department });
        await session.OpenContributionsAsync(Alex, "Odd profile", "Browse, Buy");

        var added = await session.SayAsync(Megan, "touchpoint Buy | website | Pays by card");

        Assert.Contains(Question, CardText.Of(added), StringComparison.Ordinal);
        Assert.Null(Assert.Single((await session.BoardAsync()).Items).AuthorDepartment);
    }

    [Fact]
    public async Task A_department_the_member_already_gave_is_kept_and_the_directory_is_not_read()
    {
        var directory = new Directory { [Megan.Id] = "Sales" };
        await using var session = await StartAsync(directory);
        await session.OpenContributionsAsync(Alex, "Told", "Browse, Buy");
        await session.SayAsync(Megan, "department Customer Service");

        await session.SayAsync(Megan, "touchpoint Buy | website | Pays by card");

        Assert.Equal("Customer Service", Assert.Single((await session.BoardAsync()).Items).AuthorDepartment);
        Assert.Empty(directory.Asked);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<MappingSession> StartAsync(Directory directory) => MappingSession.StartAsync(builder =>
    {
        builder.Services.AddSingleton<IMapStore, InMemoryMapStore>();
        builder.Services.AddSingleton<IMemberProfiles>(directory);
    });

    // Contributions open, Megan adds two items, each in a turn of its own.
    private static async Task<(Flow.TurnOutcome First, Flow.TurnOutcome Second)> MeganContributesTwiceAsync(MappingSession session)
    {
        await session.OpenContributionsAsync(Alex, "Profiles", "Browse, Buy");
        return (await session.SayAsync(Megan, "touchpoint Buy | website | Pays by card"),
            await session.SayAsync(Megan, "pain Buy | Shipping cost shows late"));
    }

    /// <summary>Departments by member id, as profiles hold them; notes every lookup.</summary>
    private sealed class Directory : Dictionary<string, string>, IMemberProfiles
    {
        public List<string> Asked { get; } = [];

        public Task<string?> FindDepartmentAsync(Person member, string? tenantId, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(member.Id);
            }

            return Task.FromResult(TryGetValue(member.Id, out var department) ? department : null);
        }
    }
}
