using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IValidationStore"/> must do: a validation round created once with its
/// asks; each member's answers in their own row, so members answering at once are all kept; a
/// contradiction flagged once however many flag it at once; the evidence history only ever added
/// to; and everything of a map deleted with it, nothing of another map. Run by
/// <see cref="TableValidationStoreContractTests"/> (Azurite) and <see cref="InMemoryValidationStoreContractTests"/>.
/// </summary>
public abstract class ValidationStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract IValidationStore Store { get; }

    [Fact]
    public async Task A_round_and_its_asks_read_back_with_every_field_and_a_second_create_of_its_number_changes_nothing()
    {
        var team = NewTeam();
        var round = Round("map1", 1) with { ServiceUrl = "https://smba.example/", TenantId = "t1", FacilitatorTeamsId = "29:alex" };
        var ana = Ask("29:ana", "Sales") with { Answers = new Dictionary<string, ValidationAnswer> { ["i1"] = new(Verdict.SeenIt, "Ticket 42 ✔", At) } };

        Assert.True(await Store.TryCreateAsync(team, round, [ana, Ask("29:bob", "Stores")], Cancel));
        Assert.False(await Store.TryCreateAsync(team, round with { Departments = ["Other"] }, [Ask("29:eve", "Other")], Cancel));

        var read = await Store.GetAsync(team, "map1", 1, Cancel);
        Assert.NotNull(read);
        Assert.Equal((round.ServiceUrl, round.TenantId, round.FacilitatorTeamsId, round.Facilitator, round.SentAt, ValidationState.Open),
            (read.ServiceUrl, read.TenantId, read.FacilitatorTeamsId, read.Facilitator, read.SentAt, read.State));
        Assert.Equal(["Customer Service", "Sales"], read.Departments);
        Assert.Equal(["i1", "i2"], read.ItemIds);
        var asks = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(["29:ana", "29:bob"], asks.Select(a => a.Member.Id));
        Assert.Equal(new ValidationAnswer(Verdict.SeenIt, "Ticket 42 ✔", At), asks[0].Answers["i1"]);
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:eve", Cancel));
        Assert.Null(await Store.GetAskAsync(team, "map1", 2, "29:ana", Cancel));
    }

    [Fact]
    public async Task The_latest_round_is_the_highest_number_and_its_state_is_replaced_by_put()
    {
        var team = NewTeam();
        foreach (var number in new[] { 1, 2, 10 })
        {
            Assert.True(await Store.TryCreateAsync(team, Round("map1", number), [], Cancel));
        }

        Assert.True(await Store.TryCreateAsync(team, Round("map2", 11), [], Cancel));
        var latest = await Store.GetLatestAsync(team, "map1", Cancel);
        await Store.PutAsync(team, latest! with { State = ValidationState.Closed }, Cancel);

        Assert.Equal(10, latest!.Number);
        Assert.Equal(ValidationState.Closed, (await Store.GetAsync(team, "map1", 10, Cancel))!.State);
        Assert.Null(await Store.GetLatestAsync(team, "map3", Cancel));
    }

    [Fact]
    public async Task Twenty_members_answering_at_once_are_all_kept()
    {
        var team = NewTeam();
        var members = Enumerable.Range(0, 20).Select(i => Ask($"29:m{i:D2}", "Sales")).ToList();
        Assert.True(await Store.TryCreateAsync(team, Round("map1", 1), members, Cancel));

        await Task.WhenAll(members.Select(m => Store.PutAskAsync(team, "map1", 1,
            m with { Answers = new Dictionary<string, ValidationAnswer> { ["i1"] = new(Verdict.NotTrue, m.Member.Id, At) } }, Cancel)));

        var asks = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(20, asks.Count);
        Assert.All(asks, a => Assert.Equal(a.Member.Id, a.Answers["i1"].Proof));
    }

    [Fact]
    public async Task A_contradiction_is_flagged_once_however_many_flag_it_at_once_and_its_resolution_reads_back()
    {
        var team = NewTeam();
        var flag = new Contradiction { MapId = "map1", ItemId = "i1", Round = 1, FlaggedAt = At };

        var flagged = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.TryFlagAsync(team, flag, Cancel)));
        await Store.PutContradictionAsync(team, flag with { Resolution = EvidenceReason.Removed, ResolvedBy = new Person("alex", "Alex"), ResolvedAt = At }, Cancel);

        Assert.Single(flagged, f => f);
        var read = await Store.GetContradictionAsync(team, "map1", "i1", Cancel);
        Assert.Equal((EvidenceReason.Removed, "Alex", At), (read!.Resolution, read.ResolvedBy!.Name, read.ResolvedAt));
        Assert.Null(await Store.GetContradictionAsync(team, "map1", "i2", Cancel));
    }

    [Fact]
    public async Task The_history_is_only_added_to_a_change_of_the_same_id_is_refused_and_the_first_kept()
    {
        var team = NewTeam();
        var first = Change("c2", At.AddMinutes(5)) with { Proof = "https://tickets.example/42" };
        var earlier = Change("c1", At);

        Assert.True(await Store.AppendAsync(team, first, Cancel));
        Assert.True(await Store.AppendAsync(team, earlier, Cancel));
        Assert.False(await Store.AppendAsync(team, first with { To = Evidence.Reported, Proof = "rewritten" }, Cancel));

        var history = await Store.ListChangesAsync(team, "map1", Cancel);
        Assert.Equal(["c1", "c2"], history.Select(c => c.Id));
        Assert.Equal((Evidence.Assumed, Evidence.Observed, "https://tickets.example/42", "Ana", "Sales", EvidenceReason.SeenIt, 1, "Checkout asks for an account"),
            (history[1].From, history[1].To, history[1].Proof, history[1].Who.Name, history[1].Department, history[1].Reason, history[1].Round, history[1].ItemText));
        Assert.Empty(await Store.ListChangesAsync(team, "map2", Cancel));
    }

    [Fact]
    public async Task Deleting_a_map_removes_its_rounds_asks_contradictions_and_history_and_nothing_of_another_map()
    {
        var team = NewTeam();
        foreach (var map in new[] { "map1", "map2" })
        {
            Assert.True(await Store.TryCreateAsync(team, Round(map, 1), [Ask("29:ana", "Sales")], Cancel));
            Assert.True(await Store.TryFlagAsync(team, new Contradiction { MapId = map, ItemId = "i1", Round = 1, FlaggedAt = At }, Cancel));
            Assert.True(await Store.AppendAsync(team, Change("c1", At) with { MapId = map }, Cancel));
        }

        await Store.DeleteAsync(team, "map1", Cancel);

        Assert.Null(await Store.GetLatestAsync(team, "map1", Cancel));
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:ana", Cancel));
        Assert.Null(await Store.GetContradictionAsync(team, "map1", "i1", Cancel));
        Assert.Empty(await Store.ListChangesAsync(team, "map1", Cancel));
        Assert.NotNull(await Store.GetAskAsync(team, "map2", 1, "29:ana", Cancel));
        Assert.NotNull(await Store.GetContradictionAsync(team, "map2", "i1", Cancel));
        Assert.Single(await Store.ListChangesAsync(team, "map2", Cancel));
        // A new round 1 of the deleted map's id starts afresh.
        Assert.True(await Store.TryCreateAsync(team, Round("map1", 1), [], Cancel));
    }

    private static string NewTeam() => Maps.NewScope().TeamKey;

    private static ValidationRound Round(string mapId, int number) => new()
    {
        MapId = mapId,
        Number = number,
        ConversationKey = "19:general@thread.tacv2;messageid=1",
        Facilitator = new Person("alex", "Alex Wilber"),
        Departments = ["Customer Service", "Sales"],
        ItemIds = ["i1", "i2"],
        SentAt = At,
    };

    private static ValidationAsk Ask(string id, string department) => new() { Member = new Person(id, "Member " + id), TeamsId = id, Department = department };

    private static EvidenceChange Change(string id, DateTimeOffset at) => new()
    {
        Id = id,
        MapId = "map1",
        ItemId = "i1",
        ItemText = "Checkout asks for an account",
        At = at,
        Who = new Person("29:ana", "Ana"),
        Department = "Sales",
        From = Evidence.Assumed,
        To = Evidence.Observed,
        Reason = EvidenceReason.SeenIt,
        Round = 1,
    };
}
