using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>Every card the bot sends, built from a filled sample map (with hostile text) and an empty one.</summary>
public static class CardCatalogue
{
    private static readonly Person Alex = new("aad-alex", "Alex Wilber");
    private static readonly Person Megan = new("aad-megan", "Megan <b>Bowen</b> [x](https://evil.example)");

    // Every evidence mark on the map and review cards (the sample's items in turn observed, reported,
    // assumed and not said), and the question to an author who did not say, asked and answered.
    private static IEnumerable<(string Name, AdaptiveCard Card)> EvidenceCardsOf(JourneyMap map, MapBoard board)
    {
        var evidenced = board with
        {
            Items = [.. board.Items.Select((item, i) => item with { Evidence = (Evidence)(i % 3), EvidenceUnsaid = i % 4 == 3 })],
        };
        yield return ("map-evidence", MapCard.For(map, evidenced, new Uri("https://journeybot.example/maps/token")));
        yield return ("review-evidence", ReviewCard.For(SampleMap(MapStep.Review), evidenced));
        var pain = evidenced.Items.First(i => i.Kind == ItemKind.PainPoint) with { EvidenceUnsaid = true, Evidence = Evidence.Assumed };
        var added = $"Added pain point [k3f9q] to Purchase: {JourneyBot.Conversation.Flow.Markdown.Escape(pain.Text)}, by {JourneyBot.Conversation.Flow.Markdown.Escape(Megan.Name)}.";
        yield return ("evidence-ask", EvidenceCards.Ask(map, pain, Megan, added));
        yield return ("evidence-answered", EvidenceCards.Answered(pain with { Evidence = Evidence.Reported, EvidenceUnsaid = false }, Megan));

        // A busy thread asks once per author and map; the rest wait on the progress card, whose button lists the presser's.
        var contributing = SampleMap(MapStep.Contribute);
        yield return ("progress-evidence-unsaid", ProgressCard.For(contributing, evidenced));
        var hers = evidenced.Items.Where(i => i.EvidenceUnsaid).Select(i => i with { Author = Megan }).ToList();
        yield return ("evidence-list", EvidenceCards.List(contributing, hers, Megan, inPlace: true,
            note: "✔ " + JourneyBot.Conversation.Flow.Markdown.Escape(EvidenceCards.AnsweredLine(pain with { EvidenceUnsaid = false }, Megan))));
        yield return ("evidence-list-all-said", EvidenceCards.List(contributing, [], Megan, inPlace: false));
    }

    // The future state: the card that starts it, its published map card (both curves, its brief, the link to
    // the current state), and the current map's card linking its future.
    private static IEnumerable<(string Name, AdaptiveCard Card)> FutureCards(JourneyMap current, MapBoard board)
    {
        var future = FutureStates.Start(current, board, "Shoe journey <b>(future)</b>", Alex, current.ConversationKey, current.CreatedAt);
        future.FutureOf = future.FutureOf! with { CurrentVersion = 1 };
        yield return ("future-started", FutureCard.Started(future));
        var hoped = board with
        {
            Items = [.. board.Items.Select(i => i with { Id = "f" + i.Id, Score = i.Score is { } score ? Math.Min(score + 2, 2) : null })],
        };
        future.Status = MapStatus.Published;
        (future.PublishedAt, future.PublishedBy, future.PublishedVersion) = (current.PublishedAt, Alex, 1);
        var link = new Uri("https://journeybot.example/maps/token");
        yield return ("map-future", MapCard.For(future, hoped, link, "“Shoe journey (future)” is published.",
            related: new JourneyBot.Conversation.Exports.RelatedMap(current.Name, IsFuture: false, MapStatus.Published, link)));
        yield return ("map-with-future", MapCard.For(current, board, link, "“Shoe journey” is published.",
            related: new JourneyBot.Conversation.Exports.RelatedMap(future.Name, IsFuture: true, MapStatus.Active, link)));
    }

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var map = SampleMap();
        var board = SampleBoard(map);
        foreach (var step in new[] { MapStep.Objective, MapStep.Persona, MapStep.StartPoint, MapStep.EndPoint })
        {
            var at = SampleMap(step);
            yield return ($"question-{step}", SessionCards.ForStep(at));
        }

        var noStages = SampleMap(MapStep.Stages);
        noStages.Stages.Clear();
        yield return ("stages-empty", SessionCards.ForStep(noStages));
        yield return ("stages", SessionCards.ForStep(SampleMap(MapStep.Stages), "Stages: 1. Awareness, 2. Consideration."));
        foreach (var card in StageCards())
        {
            yield return card;
        }

        yield return ("contribute", ContributeCard.For(SampleMap(MapStep.Contribute)));
        var contributing = SampleMap(MapStep.Contribute);
        yield return ("contribute-added", ContributeCard.For(contributing, "✔ Added touchpoint [k3f9q] to Purchase.", contributing.Stages[2].Id));
        yield return ("review", ReviewCard.For(SampleMap(MapStep.Review), board, "✔ Megan voted for 2 items.", voter: Megan));
        yield return ("progress", ProgressCard.For(SampleMap(MapStep.Contribute), board));
        yield return ("review-empty", ReviewCard.For(SampleMap(MapStep.Review), MapBoard.Empty));
        foreach (var card in ActionCards(board))
        {
            yield return card;
        }

        map.Status = MapStatus.Published;
        map.PublishedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        map.PublishedBy = Alex;
        yield return ("map", MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), "“Shoe journey” is published. Here is the map for everyone to read."));
        yield return ("map-empty", MapCard.For(SampleMap(MapStep.Contribute), MapBoard.Empty));
        yield return ("map-actions", MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), "“Shoe journey” is published.",
            SampleActions(map, board), MapCard.Refresh(map, MapCardIntro.Status, "29:alex")));
        foreach (var card in EvidenceCardsOf(map, board))
        {
            yield return card;
        }

        foreach (var card in FutureCards(map, board))
        {
            yield return card;
        }

        foreach (var card in KindsCards())
        {
            yield return card;
        }

        // Published again: what changed since the version before (both curves on one picture), and a publish that changed nothing.
        var (earlier, later) = VersionSamples.Of(map, board, Alex, map.PublishedAt.Value);
        yield return ("version-changes", VersionChangesCard.For(later.Map, JourneyBot.Conversation.Versions.MapDiff.Between(earlier, later),
            earlier.Map.PublishedAt!.Value, new Uri("https://journeybot.example/maps/token")));
        yield return ("version-changes-none", VersionChangesCard.For(later.Map, JourneyBot.Conversation.Versions.MapDiff.Between(later, later),
            later.Map.PublishedAt!.Value, new Uri("https://journeybot.example/maps/token")));
        yield return ("department", SmallCards.Department(map, Megan));
        yield return ("archive-and-start", SmallCards.ArchiveAndStart(map, "New <map> **name**"));
        // Typed while a setup question waits: the card also offers to save the text as the answer (issue 19).
        yield return ("archive-and-start-answer", SmallCards.ArchiveAndStart(map, "running at weekends", ("Start running at weekends", "business objective")));
        yield return ("delete-map", DeletionCards.Confirm([map.Name], map.Id));
        yield return ("delete-all-maps", DeletionCards.Confirm([map.Name, "Store <b>visits</b> **x**"], JourneyBot.Conversation.Flow.CardVerbs.AllMaps));
        yield return ("tracker-plans", TrackerCards.Plans(
            [new("plan-1", "Customer journey actions"), new("plan-2", "Store <b>refit</b> **x**")],
            new JourneyBot.Conversation.Actions.TeamTracker("planner", "plan-2", "Store refit", "group-1", Megan, map.CreatedAt)));
        yield return ("tracker-permission", TrackerCards.MissingPermission(JourneyBot.Conversation.Trackers.PlannerPermissions.Groups));
        foreach (var card in RoundCards())
        {
            yield return card;
        }

        // An action's follow-up: the owner's reminders (ahead, overdue) and the facilitator's "map this stage again?".
        var followed = new JourneyBot.Conversation.Actions.OwnedAction
        {
            Id = "k3f9q", StageId = map.Stages[2].Id, Text = "Size guide on <b>every</b> product page **now**", Owner = Megan,
            Due = new DateOnly(2026, 12, 3), CreatedBy = Alex, CreatedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
            Measure = new JourneyBot.Conversation.Actions.SuccessMeasure("Returns for size", "18%", "12%"),
        };
        yield return ("action-reminder", FollowUpCards.Reminder(map, followed, overdue: false));
        yield return ("action-overdue", FollowUpCards.Reminder(map, followed, overdue: true));
        yield return ("remap-stage", FollowUpCards.Remap(map, map.Stages[2]));

        // A map's "Still true?" review: the card with items due (the rest counted), after an answer, and with nothing left.
        foreach (var card in StillTrueCards(SampleMap(MapStep.Review), board))
        {
            yield return card;
        }

        foreach (var card in OwnerCards(SampleMap(MapStep.Review)))
        {
            yield return card;
        }

        foreach (var card in ValidationRoundCards(SampleMap(MapStep.Review)))
        {
            yield return card;
        }
    }

    // The validation round: the facilitator's card, as sent, a member's questions (some answered) and the facilitator's contradiction.
    private static IEnumerable<(string Name, AdaptiveCard Card)> ValidationRoundCards(JourneyMap map)
    {
        var board = SampleBoard(map);
        var items = JourneyBot.Conversation.Validation.ValidationRules.Questions(map, board).Take(4).ToList();
        var tally = board.Tally();
        IReadOnlyList<(string, IReadOnlyList<string>)> asked =
            [("Customer Service", ["Adele Vance"]), ("Sales", ["Isaiah Langer", Megan.Name]), ("Stores <b>x</b>", [.. Enumerable.Range(1, 11).Select(i => $"Member {i}")])];
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var round = new JourneyBot.Conversation.Validation.ValidationRound
        {
            MapId = map.Id, Number = 1, ConversationKey = map.ConversationKey, Facilitator = Alex,
            Departments = ["Customer Service", "Sales", "Stores"], ItemIds = [.. items.Select(i => i.Id)],
        };
        var ask = new JourneyBot.Conversation.Validation.ValidationAsk
        {
            Member = Megan, Department = "Sales",
            Answers = new Dictionary<string, JourneyBot.Conversation.Validation.ValidationAnswer>
            {
                [items[0].Id] = new(JourneyBot.Conversation.Validation.Verdict.SeenIt, "https://tickets.example/4411 <b>x</b>", at),
                [items[1].Id] = new(JourneyBot.Conversation.Validation.Verdict.NotTrue, null, at),
            },
        };
        var denials = new[] { "Sales", "Stores **x**" }.Select(d => (ask with { Department = d },
            new JourneyBot.Conversation.Validation.ValidationAnswer(JourneyBot.Conversation.Validation.Verdict.NotTrue, "Guest checkout since May <i>x</i>", at))).ToList();
        yield return ("validate", ValidationCards.Setup(map, items, tally, ["Customer Service", "Sales", "Stores"], asked));
        yield return ("validate-sent", ValidationCards.Sent(map, items, asked, "Fri 17:00"));
        yield return ("validate-question", ValidationCards.Questions("19:team@thread.tacv2", map, round, items, ask, "✔ Thanks, Megan: 2 answers kept."));
        yield return ("contradiction", ValidationCards.Contradiction("19:team@thread.tacv2", map, items[1], denials));
        var silent = Enumerable.Range(1, 10).Select(i => ask with { Member = new Person($"m{i}", $"Member <b>{i}</b>"), Answers = new Dictionary<string, JourneyBot.Conversation.Validation.ValidationAnswer>() });
        yield return ("validate-summary", ValidationCards.Summary(map, round, items, [ask, .. silent]));
    }

    // An owned action's card in its owner's 1:1 chat: open (after a change), blocked, done, read-only, moved.
    private static IEnumerable<(string Name, AdaptiveCard Card)> StillTrueCards(JourneyMap map, MapBoard board)
    {
        var later = board.Items.Max(i => i.CreatedAt) + TimeSpan.FromDays(31);
        var due = JourneyBot.Conversation.StillTrue.StillTrueList.Due("19:team@thread.tacv2", map, board, 30, later);
        yield return ("still-true", StillTrueCard.For(due.For(Alex)));
        yield return ("still-true-answered", StillTrueCard.For(due.For(Alex, "✔ Confirmed “Size guide <b>hidden</b> **x**” as still true.")));
        var none = JourneyBot.Conversation.StillTrue.StillTrueList.Due("19:team@thread.tacv2", map, MapBoard.Empty, 30, later);
        yield return ("still-true-done", StillTrueCard.For(none.For(Alex, "✔ Removed “Checkout page” from the map.")));
        yield return ("still-true-closed", StillTrueCard.Closed(map.Name));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> OwnerCards(JourneyMap map)
    {
        var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var action = new JourneyBot.Conversation.Actions.OwnedAction
        {
            Id = "k3f9q", StageId = map.Stages[2].Id, Text = "Guest <b>checkout</b> **now** [x](https://evil.example)", Owner = Megan, Due = new DateOnly(2026, 12, 11),
            CreatedBy = Alex, CreatedAt = at, Measure = new("repeat <i>purchase</i>", "18%", null), PreviousOwner = Alex,
        };
        action = action.With(new(at, Megan, JourneyBot.Conversation.Actions.ActionChangeKind.Blocked, "Waiting for <b>legal</b> **x**"));
        OwnerCardView View(JourneyBot.Conversation.Actions.OwnedAction shown, string? readOnly = null) => new("19:team@thread.tacv2", map.Id, map.Name,
            map.Stages[2].Name, shown, 3, [("Checkout asks for an <b>account</b>", 2)], [Alex, Megan], Megan, new DateOnly(2026, 12, 14), readOnly);
        yield return ("owner", OwnerCard.For(View(action), "✔ Measure saved."));
        yield return ("owner-blocked", OwnerCard.For(View(action with { Status = JourneyBot.Conversation.Actions.ActionStatus.Blocked, BlockedReason = "Legal <b>x</b>" })));
        yield return ("owner-done", OwnerCard.For(View(action with { Status = JourneyBot.Conversation.Actions.ActionStatus.Done })));
        yield return ("owner-read-only", OwnerCard.For(View(action, "“Shoe journey” is no longer being worked on, so this action can't be changed.")));
        yield return ("owner-moved", OwnerCard.Moved(View(action with { Owner = Alex })));
    }

    // Issue 17: the review with a top-voted opportunity made an action (a hostile owner name) and one
    // parked (a hostile reason); the action form with hostile member names, fresh and after a refusal.
    private static IEnumerable<(string Name, AdaptiveCard Card)> ActionCards(MapBoard board)
    {
        var map = SampleMap(MapStep.Review);
        var opportunities = board.Items.Where(i => i.Kind == ItemKind.Opportunity).ToList();
        var voted = board with { Votes = new Dictionary<string, IReadOnlyList<string>> { [Alex.Id] = [.. opportunities.Select(o => o.Id)] } };
        yield return ("review-actions", ReviewCard.For(map, voted, actions: ActionSamples.Decided(opportunities[0], Megan, opportunities[1], "Not <b>now</b> **x** [y](https://evil.example)")));
        var members = ActionSamples.Members(12, "Member <i>x</i> **y**");
        var today = new DateOnly(2026, 11, 25);
        yield return ("action-form", ActionFormCard.For(map, opportunities[0], 2, members, today));
        var sent = new JourneyBot.Conversation.Flow.ActCommand(opportunities[0].Id, "aad-001", "2026-12-18",
            new JourneyBot.Conversation.Flow.MeasureInput("repeat <b>purchase</b>", "18%", null), "Sales **x**", OwnerById: true);
        yield return ("action-form-refused", ActionFormCard.For(map, opportunities[0], 2, members, today, "⚠ That due date has passed.", sent));
    }

    // A round of questions: the routing card (fresh, refused, sent), a member's question card (with
    // and without colleagues to suggest, after an add), the department-first card, the progress grid.
    private static IEnumerable<(string Name, AdaptiveCard Card)> RoundCards()
    {
        var map = SampleMap(MapStep.Contribute);
        var zone = RoundTime.Zone("Europe/Bucharest");
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        IReadOnlyList<string> team = ["Marketing", "Sales", "Customer <b>Service</b>", "Product", "Stores **x**"];
        // The defaults where the stage names call for them; every department elsewhere, so everyone is asked something.
        var routing = map.Stages.ToDictionary(s => s.Id, s => Departments.DefaultFor(s, team, []) is { Count: > 1 } defaults ? defaults : team);
        var adele = new Person("aad-adele", "Adele <i>Vance</i>");
        var isaiah = new Person("aad-isaiah", "Isaiah *Langer*");
        RosterMember[] roster =
        [
            new(Alex, "29:alex", "Marketing", zone.Id),
            new(Megan, "29:megan", "Marketing", zone.Id),
            new(adele, "29:adele", "Customer <b>Service</b>", "America/New_York"),
            new(isaiah, "29:isaiah", "Sales", zone.Id),
            new(new Person("aad-patti", "Patti Fernandez"), "29:patti", null, zone.Id),
        ];
        var draft = new RoutingDraft(team, routing, RoundTime.DefaultDeadline(now, zone), zone, Anonymous: false, ReviewAtDeadline: false);
        var round = new Round
        {
            MapId = map.Id, Number = 1, ConversationKey = map.ConversationKey, Facilitator = Alex, Routing = routing,
            Deadline = draft.Deadline, TimeZone = zone.Id, SentAt = now, ServiceUrl = "https://smba.trafficmanager.net/emea/",
        };
        var key = new RoundKey("19:team@thread.tacv2", map.Id, 1);
        var plan = RoundPlan.For(map, routing, roster, new HashSet<string>());
        var megan = plan.Asks.Single(a => a.Member == Megan);
        var others = plan.Asks.Select(a => a.Member).ToList();
        var due = RoundTime.Show(round.Deadline, now, zone);
        RoundAsk[] asks =
        [
            megan with { State = AskState.Answered, Added = 2 },
            plan.Asks.Single(a => a.Member == adele) with { State = AskState.CannotReach },
            plan.Asks.Single(a => a.Member == isaiah),
            plan.Asks.Single(a => a.Department is null),
        ];

        yield return ("round-routing", RoutingCard.For(map, draft, roster));
        yield return ("round-routing-refused", RoutingCard.For(map, draft, roster, "⚠ That deadline has passed: pick a later one."));
        yield return ("round-routing-sent", RoutingCard.Sent(map, round, plan, due));
        yield return ("round-question", QuestionCard.For(map, round, key, megan, due, others));
        yield return ("round-question-no-colleagues", QuestionCard.For(map, round, key, megan, due, []));
        yield return ("round-question-added", QuestionCard.For(map, round, key, megan with { State = AskState.Answered, Added = 1 }, due, others,
            "✔ Added pain point [k3f9q] to Consideration. 1 added: add more, or press **Done**.", megan.StageIds[^1], ItemKind.PainPoint));
        yield return ("round-question-department", QuestionCard.AskDepartment(map, round, key, due));
        yield return ("round-question-closed", QuestionCard.Closed(map, "✔ Thanks, Megan: 2 items added to the map."));
        yield return ("progress-round", ProgressCard.For(map, SampleBoard(map), new RoundView(round, asks, due)));
    }

    // Stage details (expects, moves on when) and the team's templates: the stages card with its fields
    // shown and the team's own templates first, and the map card's lines under each stage.
    private static IEnumerable<(string Name, AdaptiveCard Card)> StageCards()
    {
        var map = SampleMap(MapStep.Stages);
        map.Stages[0] = map.Stages[0] with { Expects = "Ads that speak to <b>beginners</b> **now**", MovesOnWhen = "Clicks an ad [x](https://evil.example)" };
        map.Stages[2] = map.Stages[2] with { Expects = "Delivery in two days", MovesOnWhen = "Pays at the checkout" };
        var team = JourneyBot.Conversation.Stages.StageTemplates.Offered(
        [
            new("Retail <b>flow</b>", [new("Discover"), new("Try on"), new("Buy")]) { IsTeams = true },
            new("Service desk", [new("Call"), new("Fix"), new("Follow up")]) { IsTeams = true },
        ]);
        var card = SessionCards.ForStep(map, "Saved what the customer expects in Awareness.");
        yield return ("stages-details", card with
        {
            Body = [.. card.Body.Select(e => e switch
            {
                InputChoiceSet { Id: JourneyBot.Conversation.Flow.CardVerbs.TemplateKey } => SessionCards.TemplateList(team),
                Container { Id: "stageDetails" } details => details with { IsVisible = null },
                _ => e,
            })],
        });
        map.Step = MapStep.Review;
        yield return ("map-stage-details", MapCard.For(map, SampleBoard(map)));
    }

    // Thoughts, bright spots and moments of truth: the form with the thought entry open, and the published card.
    private static IEnumerable<(string Name, AdaptiveCard Card)> KindsCards()
    {
        var contributing = SampleMap(MapStep.Contribute);
        yield return ("contribute-thought", ContributeCard.For(contributing, "✔ Added thought [k3f9q] to Purchase.", contributing.Stages[2].Id, ItemKind.Thought));
        var map = SampleMap(MapStep.Review);
        map.Status = MapStatus.Published;
        map.PublishedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        map.PublishedBy = Alex;
        var sample = SampleBoard(map);
        MapItem Item(string id, ItemKind kind, int stage, string text) => new()
        {
            Id = id, Kind = kind, StageId = map.Stages[stage].Id, Text = text, Author = Megan, AuthorDepartment = "Stores",
            CreatedAt = DateTimeOffset.UnixEpoch.AddHours(1),
        };
        var board = sample with
        {
            Items =
            [
                .. sample.Items,
                Item("kindtp1abcdefg", ItemKind.Touchpoint, 2, "Fitting on a <b>treadmill</b> **in store**") with { Channel = TouchChannel.Store },
                Item("kindtp2abcdefg", ItemKind.Touchpoint, 3, "Order confirmation email") with { Channel = TouchChannel.Email },
                Item("kindth1abcdefg", ItemKind.Thought, 2, "Will these still fit after ten kilometres?"),
                Item("kindth2abcdefg", ItemKind.Thought, 1, "Am I a real runner yet?"),
                Item("kindbs1abcdefg", ItemKind.BrightSpot, 2, "Staff let you run on the treadmill [x](https://evil.example)"),
                Item("kindbs2abcdefg", ItemKind.BrightSpot, 3, "Free returns for 30 days"),
            ],
        };
        map.MomentsOfTruth = [sample.Items[1].Id, "kindtp1abcdefg", "kindtp2abcdefg"];
        yield return ("map-kinds", MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), "“Shoe journey” is published."));
    }

    private static JourneyMap SampleMap(MapStep step = MapStep.Review)
    {
        var map = new JourneyMap
        {
            Id = "map-1",
            Name = "Shoe journey 🏃 <script>alert(1)</script>",
            Facilitator = Alex,
            ConversationKey = "19:general@thread.tacv2;messageid=1",
            Step = step,
            Objective = "Help first-time runners buy their first pair online",
            Persona = "Ana, 34, starting to run \"seriously\"",
            StartPoint = "Decides to start running",
            EndPoint = "First run in the new shoes",
        };
        foreach (var name in Vocabulary.FiveStageTemplate)
        {
            map.AddStage(name);
        }

        return map;
    }

    private static MapBoard SampleBoard(JourneyMap map)
    {
        var n = 0;
        MapItem Item(ItemKind kind, int stage, string text, Person who, string? department) => new()
        {
            Id = $"item{++n:00}abcdefg",
            Kind = kind,
            StageId = map.Stages[stage].Id,
            Text = text,
            Author = who,
            AuthorDepartment = department,
            CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(n),
        };

        var items = new List<MapItem>
        {
            Item(ItemKind.Touchpoint, 0, "Instagram ad for beginners", Megan, "Sales") with { Channel = TouchChannel.SocialNetworks },
            Item(ItemKind.Touchpoint, 2, "Product page with reviews } ] \" \\ <at>Bob</at>", Alex, "Marketing") with { Channel = TouchChannel.Website },
            Item(ItemKind.Goal, 1, "Find a shoe that will not hurt", Megan, "Sales"),
            Item(ItemKind.Action, 3, "Logs runs in the app", Alex, null),
            Item(ItemKind.PainPoint, 2, "The size guide is confusing", Megan, "Sales"),
            Item(ItemKind.Emotion, 2, "unsure", Alex, "Marketing") with { Score = -1 },
            Item(ItemKind.Emotion, 0, "curious", Megan, "Sales") with { Score = 1 },
            Item(ItemKind.Emotion, 3, "proud", Megan, "Sales") with { Score = 2 },
            Item(ItemKind.Opportunity, 2, "Virtual fitting from a foot photo", Alex, "Marketing") with { Owner = "Product" },
            Item(ItemKind.Opportunity, 4, "Referral code", Megan, "Sales"),
        };
        return new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>
        {
            [Megan.Id] = [items[4].Id, items[8].Id],
            [Alex.Id] = [items[4].Id],
        });
    }

    // Owned actions of the sample map: overdue, blocked, done, more than the card shows, hostile words; one parked opportunity.
    private static JourneyBot.Conversation.Actions.ActionsOnDay SampleActions(JourneyMap map, MapBoard board)
    {
        var today = new DateOnly(2026, 12, 5);
        var actions = Enumerable.Range(1, 12).Select(n => new JourneyBot.Conversation.Actions.OwnedAction
        {
            Id = $"act{n}", StageId = map.Stages[n % map.Stages.Count].Id,
            Text = n == 1 ? "Call back <b>within</b> a day **now** [x](https://evil.example)" : $"Action {n}: shorten the checkout",
            Owner = n == 1 ? Megan : Alex, OwnerDepartment = n == 1 ? "Customer <i>Service</i>" : "Sales",
            Due = today.AddDays(n - 4),
            Status = n % 5 == 0 ? JourneyBot.Conversation.Actions.ActionStatus.Done
                : n % 3 == 0 ? JourneyBot.Conversation.Actions.ActionStatus.Blocked : JourneyBot.Conversation.Actions.ActionStatus.Open,
            CreatedBy = Alex, CreatedAt = new DateTimeOffset(2026, 11, 25, 10, n, 0, TimeSpan.Zero),
        }).ToList();
        var parked = new JourneyBot.Conversation.Actions.ParkedOpportunity(board.Items[0].Id, "Not this <b>quarter</b>", Alex, DateTimeOffset.UnixEpoch);
        return new(new JourneyBot.Conversation.Actions.MapActions(actions, [parked]), today);
    }
}
