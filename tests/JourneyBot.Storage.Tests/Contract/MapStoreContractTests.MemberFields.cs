using JourneyBot.Conversation;

namespace JourneyBot.Storage.Tests.Contract;

// A member's row written field by field (MemberFields): writers of different fields keep each other's.
public abstract partial class MapStoreContractTests
{
    private static readonly PersonalChat AnasChat = new("https://smba.example/teams/", "a:1on1");

    [Fact]
    public async Task Writes_of_different_member_fields_from_one_read_copy_all_survive()
    {
        // Arrange: one copy of the row, read before any of the writes (one turn's, or another instance's).
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember(null, AskedForDepartment: true) { Chat = AnasChat }, Cancel);
        var copy = (await Store.GetMemberAsync(team, "29:1ana", Cancel))!;

        // Act: her language noted, the map where she was asked how she knows, her department typed, mute.
        await Store.PutMemberAsync(team, "29:1ana", copy with { Language = "es", TimeZone = "Europe/Madrid" }, MemberFields.Language | MemberFields.TimeZone, Cancel);
        await Store.PutMemberAsync(team, "29:1ana", copy with { EvidenceAskedOn = ["mapaaaaaaaa1"] }, MemberFields.EvidenceAskedOn, Cancel);
        await Store.PutMemberAsync(team, "29:1ana", copy with { Department = "Stores" }, MemberFields.Department | MemberFields.AskedForDepartment, Cancel);
        await Store.PutMemberAsync(team, "29:1ana", copy with { Muted = true }, MemberFields.Muted, Cancel);

        // Assert
        var read = await Store.GetMemberAsync(team, "29:1ana", Cancel);
        Assert.Equal(
            ("Stores", true, AnasChat, "Europe/Madrid", true, "es", "mapaaaaaaaa1"),
            (read!.Department, read.AskedForDepartment, read.Chat, read.TimeZone, read.Muted, read.Language, string.Join(' ', read.EvidenceAskedOn)));
    }

    [Fact]
    public async Task A_member_field_written_empty_is_cleared_and_the_fields_not_written_are_kept()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true)
        {
            Chat = AnasChat, TimeZone = "Asia/Tokyo", Muted = true, EvidenceAskedOn = ["mapaaaaaaaa1"], Language = "ro",
        }, Cancel);

        // Act: unmuted, the map's id taken off, the chat and the department forgotten; each written from someone new.
        await Store.PutMemberAsync(team, "29:1ana", TeamMember.New, MemberFields.Muted | MemberFields.EvidenceAskedOn | MemberFields.Chat | MemberFields.Department, Cancel);

        // Assert
        var read = await Store.GetMemberAsync(team, "29:1ana", Cancel);
        Assert.Equal(new TeamMember(null, true) { TimeZone = "Asia/Tokyo", Language = "ro" }, read! with { EvidenceAskedOn = TeamMember.New.EvidenceAskedOn });
        Assert.Empty(read.EvidenceAskedOn);
    }

    [Fact]
    public async Task A_write_of_some_member_fields_to_someone_new_makes_a_row_with_those_only()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;

        // Act: the 1:1 chat started before anything else was known of her; the rest of the copy is ignored.
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Not written", true) { Chat = AnasChat, Muted = true }, MemberFields.Chat, Cancel);

        // Assert
        Assert.Equal(TeamMember.New with { Chat = AnasChat }, await Store.GetMemberAsync(team, "29:1ana", Cancel));
    }

    [Fact]
    public async Task Concurrent_writers_of_different_members_and_fields_from_one_read_copy_all_keep_theirs()
    {
        // Arrange: twelve members, each row read once before any write.
        var team = Maps.NewScope().TeamKey;
        const int members = 12;
        var copies = new TeamMember[members];
        for (var m = 0; m < members; m++)
        {
            await Store.PutMemberAsync(team, $"29:1member{m:00}", new TeamMember(null, false) { TimeZone = "Europe/Bucharest" }, Cancel);
            copies[m] = (await Store.GetMemberAsync(team, $"29:1member{m:00}", Cancel))!;
        }

        // Act: five writers per member at once, each setting one field of the same copy (60 writes in flight).
        (Func<TeamMember, int, TeamMember> Set, MemberFields Fields)[] writers =
        [
            ((c, m) => c with { Department = $"dept{m}" }, MemberFields.Department),
            ((c, m) => c with { AskedForDepartment = true }, MemberFields.AskedForDepartment),
            ((c, m) => c with { Chat = new PersonalChat("https://smba.example/teams/", $"a:{m}") }, MemberFields.Chat),
            ((c, m) => c with { Language = m % 2 == 0 ? "es" : "ro" }, MemberFields.Language),
            ((c, m) => c with { EvidenceAskedOn = [$"map{m:00}"] }, MemberFields.EvidenceAskedOn),
        ];
        await ConcurrentlyAsync(members * writers.Length, async i =>
        {
            var (m, w) = (i / writers.Length, i % writers.Length);
            await Store.PutMemberAsync(team, $"29:1member{m:00}", writers[w].Set(copies[m], m), writers[w].Fields, Cancel);
            return i;
        });

        // Assert
        for (var m = 0; m < members; m++)
        {
            var read = await Store.GetMemberAsync(team, $"29:1member{m:00}", Cancel);
            Assert.Equal(
                ($"dept{m}", true, $"a:{m}", m % 2 == 0 ? "es" : "ro", $"map{m:00}", "Europe/Bucharest"),
                (read!.Department, read.AskedForDepartment, read.Chat?.ConversationId, read.Language, string.Join(' ', read.EvidenceAskedOn), read.TimeZone));
        }
    }
}
