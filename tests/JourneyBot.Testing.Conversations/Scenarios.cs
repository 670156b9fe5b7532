using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Testing.Conversations;

/// <summary>Conversations written as data: who says what, what the bot answers, the map at the end.</summary>
public static class Scenarios
{
    /// <summary>Alex sets a map up to the contribution round.</summary>
    public static readonly Line[] Setup =
    [
        new("Alex", "start Shoe journey", "Let's map “Shoe journey”", "Step 1 of 7: Business objective"),
        new("Alex", "Help first-time runners buy their first pair online", "Saved the business objective", "Step 2 of 7: Persona"),
        new("Alex", "Ana, 34, starting to run, shops on her phone", "Saved the persona", "Step 3 of 7: Start point"),
        new("Alex", "Decides to start running", "Saved the start point", "Step 4 of 7: End point"),
        new("Alex", "First run in the new shoes", "Saved the end point", "Step 5 of 7: Stages"),
        new("Alex", "template", "Stages: 1. Awareness, 2. Consideration, 3. Purchase, 4. Retention, 5. Advocacy"),
        new("Alex", "next", "Step 6 of 7: Contributions", "Everyone: add what you know"),
    ];

    public static readonly string[] FiveStages = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];

    public static TheoryData<Scenario> All => new(
        new Scenario("Full flow: setup, contributions from three departments, review, votes, publish",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | social networks | Instagram ad for beginner runners", "Added touchpoint", "to Awareness", "which department are you in?"),
            new("Megan", "department Sales", "you're in Sales"),
            new("Adele", "pain Purchase | The size guide is confusing | reported", "Added pain point", "to Purchase"),
            new("Adele", "department Customer Service", "you're in Customer Service"),
            new("Isaiah", "emotion Purchase | -1 | unsure", "Added emotion", "−1"),
            new("Isaiah", "opportunity Purchase | Virtual fitting from a foot photo | Product", "Added opportunity", "(owner: Product)"),
            new("Alex", "touchpoint Purchase | website | Product page with runner reviews | observed", "Added touchpoint"),
            new("Megan", "goal Consideration | Find a shoe that will not hurt", "Added goal"),
            new("Adele", "action Retention | Logs runs in the app", "Added action"),
            new("Alex", "next", "Step 7 of 7: Review and vote", "Gaps still open", "No touchpoints yet: Consideration, Retention, Advocacy"),
            new("Megan", "vote {pain} {opportunity}", "Megan Bowen voted for 2 items"),
            new("Adele", "vote {pain}", "Adele Vance voted for 1 item"),
            new("Alex", "status", "step 7 of 7", "Megan Bowen (Sales, 2)", "Voted:** 2 members"),
            new("Alex", "publish", "I can't publish yet: each top-voted opportunity needs an owner", "Virtual fitting from a foot photo (1 vote): **act**"),
            new("Megan", "act {opportunity} Isaiah by 2026-12-18", "“Virtual fitting from a foot photo” is now an action: Isaiah Langer owns it, due 18 Dec 2026"),
            new("Alex", "publish", "“Shoe journey” is published", "Objective: Help first-time runners buy their first pair online",
                "Social networks: ? Instagram ad for beginner runners", "Pain points: ◐ The size guide is confusing · 2 votes",
                "Virtual fitting from a foot photo — Product · Purchase · 1 vote", "Emotion curve", "[button Open the full map]", "[button CSV]"),
            new("Megan", "next", "is published"),
        ],
        new ExpectedMap
        {
            Status = MapStatus.Published,
            Objective = "Help first-time runners buy their first pair online",
            Persona = "Ana, 34, starting to run, shops on her phone",
            StartPoint = "Decides to start running",
            EndPoint = "First run in the new shoes",
            Stages = FiveStages,
            Items =
            [
                "Touchpoint Awareness: Instagram ad for beginner runners",
                "PainPoint Purchase: The size guide is confusing",
                "Emotion Purchase: unsure",
                "Opportunity Purchase: Virtual fitting from a foot photo",
                "Touchpoint Purchase: Product page with runner reviews",
                "Goal Consideration: Find a shoe that will not hurt",
                "Action Retention: Logs runs in the app",
            ],
            Votes = new() { ["The size guide is confusing"] = 2, ["Virtual fitting from a foot photo"] = 1 },
        }),

        new Scenario("Actions wait for the review; with no votes nothing is top-voted, the map publishes, and work starts on it after",
        [
            new("Alex", "start Shoe journey", "Step 1 of 7: Business objective"),
            new("Alex", "Help first-time runners buy their first pair online", "Step 2 of 7: Persona"),
            new("Alex", "Park runners who jog at weekends", "Saved the persona", "Step 3 of 7: Start point"),
            new("Alex", "Act on an urge to get fit", "Saved the start point"),
            new("Alex", "First run in the new shoes", "Saved the end point"),
            new("Alex", "template", "Stages: 1. Awareness"),
            new("Alex", "next", "Step 6 of 7: Contributions"),
            new("Megan", "opportunity Purchase | Virtual fitting from a foot photo | Product", "Added opportunity"),
            new("Alex", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
            new("Megan", "act {opportunity} Adele by 2026-12-18", "Opportunities become actions in the review"),
            new("Megan", "park {opportunity} later", "Opportunities become actions in the review"),
            new("Alex", "next", "Step 7 of 7: Review and vote"),
            new("Alex", "publish", "“Shoe journey” is published"),
            new("Megan", "act {opportunity} Adele by 2026-12-18", "is now an action: Adele Vance owns it"),
            new("Patti", "park {opportunity} done already", "is an action already (Adele Vance owns it), so it can't be parked"),
        ],
        new ExpectedMap { Status = MapStatus.Published, Persona = "Park runners who jog at weekends", StartPoint = "Act on an urge to get fit" }),

        new Scenario("Making actions: the top three by votes (ties to the earlier), every bad input refused, publish once each is owned or parked",
        [
            .. Setup,
            new("Megan", "opportunity Purchase | Virtual fitting from a foot photo | Product", "Added opportunity"),
            new("Adele", "opportunity Retention | Reminder to replace shoes after 500 km | Marketing", "Added opportunity"),
            new("Isaiah", "opportunity Awareness | Beginner running club | Marketing", "Added opportunity"),
            new("Patti", "opportunity Purchase | Free returns on the first pair", "Added opportunity"),
            new("Adele", "pain Purchase | Sizes run small", "Added pain point"),
            new("Alex", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
            new("Alex", "next", "Step 7 of 7: Review and vote"),
            new("Megan", "vote {opportunity:foot photo} {opportunity:500 km}", "voted for 2 items"),
            new("Adele", "vote {opportunity:foot photo} {opportunity:club}", "voted for 2 items"),
            new("Isaiah", "vote {opportunity:500 km}", "voted for 1 item"),
            new("Patti", "vote {opportunity:Free returns} {pain}", "voted for 2 items"),
            new("Alex", "publish", "I can't publish yet: each top-voted opportunity needs an owner, or a reason to wait. Still open (3)",
                "Virtual fitting from a foot photo (2 votes): **act**", "Reminder to replace shoes after 500 km (2 votes)", "Beginner running club (1 vote)"),
            new("Megan", "act nosuch Adele by 2026-12-18", "[nosuch] is no opportunity of this map", "Its opportunities:", "Free returns on the first pair"),
            new("Megan", "act {pain} Adele by 2026-12-18", "is no opportunity of this map"),
            new("Megan", "act {opportunity:foot photo} Zed by 2026-12-18", "Zed isn't a member of this team", "Type it as **act**"),
            new("Megan", "act {opportunity:foot photo} by 2026-12-18", "Who owns it?"),
            new("Megan", "act {opportunity:foot photo} A by 2026-12-18", "More than one member is called A: Alex Wilber and Adele Vance"),
            new("Megan", "act {opportunity:foot photo} Adele", "By when?"),
            new("Megan", "act {opportunity:foot photo} Adele by 2026-11-24", "That due date has passed", "25 Nov 2026"),
            new("Megan", "act {opportunity:foot photo} Adele by 2028-11-26", "more than two years away", "25 Nov 2028"),
            new("Megan", "act {opportunity:foot photo} Adele by next friday", "I can't read that due date"),
            new("Megan", "act {opportunity:foot photo} @Adele Vance by 2026-12-18 | repeat purchase within 90 days: 18% -> 25%",
                "“Virtual fitting from a foot photo” is now an action: Adele Vance owns it, due 18 Dec 2026", "repeat purchase within 90 days, 18% → 25%"),
            new("Alex", "act {opportunity:foot photo} Patti by 2026-12-20", "is an action already: Adele Vance owns it, due 18 Dec 2026"),
            new("Alex", "park {opportunity:foot photo} later", "is an action already (Adele Vance owns it), so it can't be parked"),
            new("Alex", "park {opportunity:500 km}", "The reason can't be empty", "**park**"),
            new("Alex", "park {opportunity:500 km} not this quarter", "Parked “Reminder to replace shoes after 500 km”", "not this quarter"),
            new("Alex", "publish", "Still open (1)", "Beginner running club (1 vote)"),
            new("Isaiah", "act {opportunity:club} isaiah langer by 18 Dec 2026 | members who join the club: 0", "Isaiah Langer owns it",
                "members who join the club, 0 → no target yet"),
            new("Patti", "act {opportunity:500 km} Patti by 2027-01-31", "Patti Fernandez owns it, due 31 Jan 2027", "No success measure yet",
                "It was parked; it is not any more."),
            new("Alex", "publish", "“Shoe journey” is published"),
            new("Megan", "act {opportunity:Free returns} Megan by 2027-02-15", "Megan Bowen owns it"),
        ],
        new ExpectedMap { Status = MapStatus.Published }),

        new Scenario("A member mutes reminders and unmutes them; the map goes on meanwhile",
        [
            .. Setup,
            new("Megan", "mute", "I won't send you reminders any more", "Type **unmute**"),
            new("Megan", "touchpoint Awareness | email | Newsletter about the spring collection", "Added touchpoint"),
            new("Megan", "unmute", "I'll remind you again"),
            new("Alex", "help", "**mute** / **unmute**", "**act** *id* @person", "**park** *id* *reason*", "**tracker planner**", "**tracker off**"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Contribute,
            Items = ["Touchpoint Awareness: Newsletter about the spring collection"],
        }),

        new Scenario("Evidence: an item typed without saying how we know is kept and its author asked; the review shows marks and confidence",
        [
            .. Setup,
            new("Megan", "pain Purchase | The size guide is confusing", "Added pain point", "to Purchase",
                "Megan Bowen, how do you know this?", "[button Observed] [button Reported] [button Assumed]"),
            new("Megan", "department Sales", "you're in Sales"),
            new("Adele", "touchpoint Purchase | website | Checkout page | observed", "Added touchpoint"),
            new("Adele", "emotion Purchase | -1 | wary | reported", "Added emotion"),
            new("Alex", "next", "Step 7 of 7: Review and vote", "3. Purchase — 1 touchpoint, 1 pain point, emotion 🙁 −1.0 · 1 of 3 observed",
                "How we know: ● observed · ◐ reported by customers or staff · ○ assumed · ? not said yet",
                "Pain point · ? The size guide is confusing", "Nothing observed yet: Awareness, Consideration, Retention, Advocacy"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Review,
            Items =
            [
                "PainPoint Purchase: The size guide is confusing", "Touchpoint Purchase: Checkout page", "Emotion Purchase: wary",
            ],
        }),

        new Scenario("Two members interleaved",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | email | Newsletter about the spring collection", "Added touchpoint"),
            new("Adele", "touchpoint Awareness | phone | Calls the store about sizes", "Added touchpoint"),
            new("Megan", "pain Awareness | Too many emails", "Added pain point"),
            new("Adele", "pain Awareness | Long waiting time on the phone", "Added pain point"),
            new("Megan", "emotion Awareness | 1 | curious", "Added emotion"),
            new("Adele", "emotion Awareness | -2 | annoyed", "Added emotion"),
            new("Megan", "emotion Awareness | 2 | excited", "Added emotion"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Contribute,
            Items =
            [
                "Touchpoint Awareness: Newsletter about the spring collection",
                "Touchpoint Awareness: Calls the store about sizes",
                "PainPoint Awareness: Too many emails",
                "PainPoint Awareness: Long waiting time on the phone",
                "Emotion Awareness: annoyed",
                "Emotion Awareness: excited",
            ],
        }),

        new Scenario("Five members interleaved",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | ads | Billboard near the park", "Added touchpoint"),
            new("Adele", "touchpoint Consideration | blog | Shoe guide article", "Added touchpoint"),
            new("Isaiah", "touchpoint Purchase | app | One-tap checkout", "Added touchpoint"),
            new("Patti", "touchpoint Purchase | store | Tries shoes in the shop", "Added touchpoint"),
            new("Alex", "touchpoint Advocacy | word of mouth | Tells friends at the running club", "Added touchpoint"),
            new("Patti", "opportunity Purchase | Free returns on first pair", "Added opportunity"),
            new("Isaiah", "goal Purchase | Pay in instalments", "Added goal"),
            new("Adele", "pain Consideration | Reviews are hard to compare", "Added pain point"),
            new("Megan", "status", "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Alex Wilber"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Contribute,
            Items =
            [
                "Touchpoint Awareness: Billboard near the park",
                "Touchpoint Consideration: Shoe guide article",
                "Touchpoint Purchase: One-tap checkout",
                "Touchpoint Purchase: Tries shoes in the shop",
                "Touchpoint Advocacy: Tells friends at the running club",
                "Opportunity Purchase: Free returns on first pair",
                "Goal Purchase: Pay in instalments",
                "PainPoint Consideration: Reviews are hard to compare",
            ],
        }),

        new Scenario("Cancel",
        [
            new("Alex", "start Quick test", "Let's map"),
            new("Alex", "Grow repeat purchases", "Saved the business objective"),
            new("Alex", "cancel", "Cancelled “Quick test”"),
            new("Alex", "next", "was cancelled"),
            new("Megan", "touchpoint Awareness | email | x", "was cancelled"),
        ],
        new ExpectedMap { Status = MapStatus.Cancelled, Objective = "Grow repeat purchases", Items = [] }),

        new Scenario("Undo removes only your own last item",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | email | First", "Added touchpoint"),
            new("Adele", "pain Purchase | Adele's pain", "Added pain point"),
            new("Megan", "touchpoint Awareness | email | Second", "Added touchpoint"),
            new("Megan", "undo", "Removed your last touchpoint: Email: Second"),
            new("Isaiah", "undo", "You haven't added anything"),
        ],
        new ExpectedMap { Items = ["Touchpoint Awareness: First", "PainPoint Purchase: Adele's pain"] }),

        new Scenario("Edit and remove your own items, not others'",
        [
            .. Setup,
            new("Megan", "pain Purchase | Checkout too long", "Added pain point"),
            new("Adele", "edit {pain} Hijacked", "was added by Megan Bowen; only they can edit it"),
            new("Adele", "remove {pain}", "only they can remove it"),
            new("Megan", "edit {pain} Checkout asks for an account", "Changed pain point", "Checkout asks for an account"),
            new("Megan", "goal Purchase | Pay quickly", "Added goal"),
            new("Megan", "remove {goal}", "Removed goal"),
            new("Megan", "remove zzzzz", "I found no item [zzzzz]"),
        ],
        new ExpectedMap { Items = ["PainPoint Purchase: Checkout asks for an account"] }),

        new Scenario("Only the facilitator steers",
        [
            new("Alex", "start Shoe journey", "Let's map"),
            new("Megan", "Sell more shoes", "Only Alex Wilber, who facilitates “Shoe journey”, can answer the setup questions"),
            new("Megan", "next", "Only Alex Wilber", "move the session on or back"),
            new("Megan", "publish", "Only Alex Wilber", "publish the map"),
            new("Megan", "cancel", "Only Alex Wilber", "cancel the session"),
            new("Megan", "start Another map", "Only Alex Wilber", "replace the map"),
            new("Megan", "template", "Only Alex Wilber", "change the stages"),
        ],
        new ExpectedMap { Step = MapStep.Objective, Objective = null }),

        new Scenario("The objective is required, the other setup answers can be skipped",
        [
            new("Alex", "start Shoe journey", "Let's map"),
            new("Alex", "next", "I need the business objective before we go on"),
            new("Alex", "   ", "The business objective can't be empty"),
            new("Alex", "Sell more shoes", "Step 2 of 7: Persona"),
            new("Alex", "skip", "Step 3 of 7: Start point"),
            new("Alex", "back", "Step 2 of 7: Persona"),
            new("Alex", "next", "Step 3 of 7"),
            new("Alex", "next", "Step 4 of 7"),
            new("Alex", "next", "Step 5 of 7: Stages"),
            new("Alex", "next", "Set at least one stage first"),
            new("Alex", "Discover, Try, Buy", "Stages: 1. Discover, 2. Try, 3. Buy"),
            new("Alex", "rename stage 2 to Try on", "2. Try on"),
            new("Alex", "add stage Love at 4", "4. Love"),
            new("Alex", "move stage 4 to 1", "1. Love, 2. Discover"),
            new("Alex", "remove stage Love", "1. Discover, 2. Try on, 3. Buy"),
            new("Alex", "next", "Step 6 of 7"),
            new("Alex", "publish", "I can't publish yet", "the start point; the end point; at least one stage with a touchpoint"),
        ],
        new ExpectedMap { Step = MapStep.Contribute, Objective = "Sell more shoes", Persona = null, StartPoint = null, Stages = ["Discover", "Try on", "Buy"] }),

        new Scenario("Every validation error gets a clear answer and changes nothing",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | fax | Sent a fax", "“fax” is not a channel I know", "Channels: Email, Social networks"),
            new("Megan", "touchpoint Awareness", "Describe the touchpoint"),
            new("Megan", "touchpoint Awareness | | Banner on the home page", "Which channel is this touchpoint on?"),
            new("Megan", "touchpoint Nowhere | email | x", "I don't know a stage “Nowhere”", "1. Awareness"),
            new("Megan", "pain", "Which stage?"),
            new("Megan", "pain Purchase", "Describe the pain point"),
            new("Megan", "emotion Purchase | 5", "An emotion needs a score from −2"),
            new("Megan", "emotion Purchase | happy", "An emotion needs a score from −2"),
            new("Megan", "goal Purchase | x | certain", "“certain” is not an evidence level"),
            new("Megan", "goal Purchase | " + new string('x', 10_000), "is 10,000 characters long; please keep it to 500"),
            new("Megan", "vote abc", "Voting opens at the review"),
            new("Megan", "department", "Which department?"),
            new("Megan", "edit", "Which item?"),
            new("Megan", "what about lunch", "To add to the map, use the card or type"),
            new("Alex", "rename stage 9 to X", "I don't know a stage “9”"),
            new("Alex", "stages A, a", "Two stages have the same name"),
            new("Alex", "start Shoe journey", "is still being mapped here"),
        ],
        new ExpectedMap { Step = MapStep.Contribute, Stages = FiveStages, Items = [] }),

        new Scenario("Going back to the stages never orphans items",
        [
            .. Setup,
            new("Megan", "touchpoint Purchase | store | Tries shoes on", "Added touchpoint"),
            new("Alex", "back", "Step 5 of 7: Stages"),
            new("Alex", "Discover, Buy", "“Purchase” already has items"),
            new("Alex", "remove stage Purchase", "“Purchase” has 1 item; I won't remove a stage with items"),
            new("Alex", "remove stage Advocacy", "1. Awareness, 2. Consideration, 3. Purchase, 4. Retention"),
            new("Alex", "rename stage Purchase to Buy", "3. Buy"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Stages,
            Stages = ["Awareness", "Consideration", "Buy", "Retention"],
            Items = ["Touchpoint Buy: Tries shoes on"],
        }),

        new Scenario("Odd text is kept as typed and cannot inject markup",
        [
            .. Setup,
            new("Megan", "touchpoint Awareness | email | <at>Bob</at> [click](https://evil.example) **bold** 🏃‍♀️👟", "Added touchpoint",
                @"&lt;at&gt;Bob&lt;/at&gt; \[click\]", @"\*\*bold\*\* 🏃‍♀️👟"),
            new("Megan", "pain Purchase | tab\tand\u0007bell\u0000null  spaces", "Added pain point", "tab and bell null spaces"),
        ],
        new ExpectedMap
        {
            Items =
            [
                "Touchpoint Awareness: <at>Bob</at> [click](https://evil.example) **bold** 🏃‍♀️👟",
                "PainPoint Purchase: tab and bell null spaces",
            ],
        }));
}
