using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Conversations about the stages, written as data: what the customer expects in each stage and
/// what moves them on, the bot's stage templates and the ones a team saves for its next maps.
/// </summary>
public static class StageScenarios
{
    /// <summary>Alex sets a map up to its stages step.</summary>
    public static Line[] ToStages(string mapName) =>
    [
        new("Alex", $"start {mapName}", "Step 1 of 7: Business objective"),
        new("Alex", "Win more renewals", "Saved the business objective"),
        new("Alex", "next", "Step 3 of 7"),
        new("Alex", "Notices the old tool is slow", "Saved the start point"),
        new("Alex", "Renews for a second year", "Saved the end point", "Step 5 of 7: Stages"),
    ];

    public static TheoryData<Scenario> All => new(
        new Scenario("Stage details: anyone says what the customer expects and what moves them on; the map card shows them, the gaps list the rest",
        [
            .. ToStages("Software purchase"),
            new("Alex", "template b2b", "Stages: 1. Need, 2. Research, 3. Evaluation, 4. Approval, 5. Implementation, 6. Renewal"),
            new("Alex", "expects Need | A clear picture of the cost", "Saved what the customer expects in Need."),
            new("Megan", "moves on Need | Their manager asks for options", "Saved what moves the customer on from Need."),
            new("Megan", "moves on when 2 | A shortlist of three", "Saved what moves the customer on from Research."),
            new("Alex", "expects Research", "Say it for Research.", "Type: *expects stage | what the customer expects there*."),
            new("Alex", "expects | Quick answers", "Which stage?"),
            new("Alex", "expects Nowhere | Quick answers", "I don't know a stage “Nowhere”"),
            new("Alex", $"expects Need | {new string('x', 201)}", "That “expects” text is 201 characters long; please keep it to 200."),
            new("Alex", "next", "Step 6 of 7: Contributions"),
            new("Isaiah", "expects Approval | One page for the finance director", "Saved what the customer expects in Approval."),
            new("Megan", "touchpoint Need | website | Pricing page", "Added touchpoint"),
            new("Megan", "department Sales", "you're in Sales"),
            new("Alex", "next", "Step 7 of 7: Review and vote",
                "No “expects” yet: Research, Evaluation, Implementation, Renewal",
                "No “moves on when” yet: Evaluation, Approval, Implementation, Renewal"),
            new("Alex", "publish", "is published", "Expects: A clear picture of the cost", "Moves on when: Their manager asks for options",
                "Moves on when: A shortlist of three", "Expects: One page for the finance director", "No “expects” yet: Research"),
        ],
        new ExpectedMap
        {
            Status = MapStatus.Published,
            Stages = ["Need", "Research", "Evaluation", "Approval", "Implementation", "Renewal"],
            StageDetails =
            [
                "Need: A clear picture of the cost | Their manager asks for options",
                "Research: - | A shortlist of three",
                "Evaluation: - | -",
                "Approval: One page for the finance director | -",
                "Implementation: - | -",
                "Renewal: - | -",
            ],
        }),
        new Scenario("Templates: the seeds' sets by name; a team saves its own, which the next map's stages card offers first",
        [
            .. ToStages("Shoe journey"),
            new("Alex", "templates", "**Five stages**: Awareness, Consideration, Purchase, Retention, Advocacy",
                "**Awareness to advocacy**: Awareness, Consideration, Decision, Retention, Loyalty, Advocacy",
                "**Consideration to purchase**: Consideration, Evaluation, Purchase",
                "**B2B**: Need, Research, Evaluation, Approval, Implementation, Renewal",
                "**Onboarding a service**: Sign-up, Welcome, Setup, First success, Regular use, Renewal"),
            new("Alex", "template awareness", "Stages: 1. Awareness, 2. Consideration, 3. Decision, 4. Retention, 5. Loyalty, 6. Advocacy"),
            new("Alex", "template Consideration to purchase", "Stages: 1. Consideration, 2. Evaluation, 3. Purchase."),
            new("Alex", "stages template onboarding", "Stages: 1. Sign-up, 2. Welcome, 3. Setup, 4. First success, 5. Regular use, 6. Renewal."),
            new("Alex", "template wholesale", "I don't know a template “wholesale”", "“B2B”"),
            new("Alex", "Discover, Try on, Buy", "Stages: 1. Discover, 2. Try on, 3. Buy."),
            new("Alex", "expects Try on | Shoes in their size", "Saved"),
            new("Megan", "save stages as Runners", "Only Alex Wilber", "save the stages as a template"),
            new("Alex", "save stages", "Give the template a name"),
            new("Alex", "save stages as Runners", "Saved these stages as your team's template “Runners”: Discover, Try on, Buy."),
            new("Alex", "save stages as runners", "Replaced your team's template “runners” with these stages: Discover, Try on, Buy."),
            new("Alex", "templates", "**runners** (your team's): Discover, Try on, Buy"),
            new("Alex", "cancel", "Cancelled “Shoe journey”"),
            new("Alex", "start Second shoe journey", "Step 1 of 7"),
            new("Alex", "Sell more trail shoes", "Saved the business objective"),
            new("Alex", "next", "Step 3 of 7"),
            new("Alex", "next", "Step 4 of 7"),
            new("Alex", "next", "Step 5 of 7: Stages", "<Start from a template: runners (your team's): Discover, Try on, Buy / Five stages: "),
            new("Alex", "template runners", "Stages: 1. Discover, 2. Try on, 3. Buy."),
            new("Megan", "delete template B2B", "Your team has no template “B2B”"),
            new("Megan", "delete template", "**runners** (your team's): Discover, Try on, Buy"),
            new("Megan", "delete template Runners", "Deleted your team's template “Runners”."),
            new("Alex", "templates", "**Five stages**"),
        ],
        new ExpectedMap
        {
            Step = MapStep.Stages,
            Stages = ["Discover", "Try on", "Buy"],
            StageDetails = ["Discover: - | -", "Try on: Shoes in their size | -", "Buy: - | -"],
        }));
}
