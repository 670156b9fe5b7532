using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Stages;

/// <summary>The stage sets a map can start from: the team's own first, then the method's.</summary>
internal static class StageTemplates
{
    /// <summary>The most templates a team keeps: they all fit the stages card's list.</summary>
    public const int MaxTeamTemplates = 20;

    /// <summary>
    /// The bot's own sets, in the language of the texts: the usual five stages (seeds 002 and 003);
    /// seed 003's six from awareness to advocacy (it names five and adds loyalty, which retention
    /// leads to); seed 004's three for the running-shoes journey; a business-to-business purchase
    /// (a need, a buying group's research, evaluation and approval, then implementation and renewal);
    /// and a service's first months (sign-up to renewal).
    /// </summary>
    public static IReadOnlyList<StageTemplate> Builtin =>
    [
        Of(Strings.TemplateFiveStages, Vocabulary.FiveStageTemplate),
        Of(Strings.TemplateAwarenessToAdvocacy,
            [Strings.StageAwareness, Strings.StageConsideration, Strings.StageDecision, Strings.StageRetention, Strings.StageLoyalty, Strings.StageAdvocacy]),
        Of(Strings.TemplateConsiderationToPurchase, [Strings.StageConsideration, Strings.StageEvaluation, Strings.StagePurchase]),
        Of(Strings.TemplateB2B,
            [Strings.StageNeed, Strings.StageResearch, Strings.StageEvaluation, Strings.StageApproval, Strings.StageImplementation, Strings.StageRenewal]),
        Of(Strings.TemplateOnboarding,
            [Strings.StageSignUp, Strings.StageWelcome, Strings.StageSetup, Strings.StageFirstSuccess, Strings.StageRegularUse, Strings.StageRenewal]),
    ];

    /// <summary>What the team is offered, in order: its own templates first, then the bot's.</summary>
    public static IReadOnlyList<StageTemplate> Offered(IReadOnlyList<StageTemplate> team) => [.. team, .. Builtin];

    /// <summary>
    /// The template <paramref name="name"/> names among <paramref name="offered"/>: the first whose
    /// whole name it is (so a team's template of a built-in's name is the one used), else the only
    /// one whose name starts with it; null with the problem to tell otherwise.
    /// </summary>
    public static StageTemplate? Find(IReadOnlyList<StageTemplate> offered, string name, out string? problem)
    {
        var wanted = name.Trim();
        problem = null;
        var found = offered.FirstOrDefault(t => t.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var starts = offered.Where(t => wanted.Length > 0 && t.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (starts.Count == 1)
        {
            return starts[0];
        }

        // The name as given is echoed back, but never more of it than a name holds.
        var said = TextRules.Shorten(wanted, TextRules.ShortMax);
        problem = starts.Count > 1
            ? Strings.TemplateAmbiguous.Fill(("name", said), ("names", Names(starts)))
            : Strings.TemplateNotFound.Fill(("name", said), ("names", Names(offered)));
        return null;
    }

    /// <summary>The team's template of the map's stages as they are now, with what the team said of each.</summary>
    public static StageTemplate FromMap(string name, JourneyMap map) =>
        new(name, [.. map.Stages.Select(s => new TemplateStage(s.Name) { Expects = s.Expects, MovesOnWhen = s.MovesOnWhen })]) { IsTeams = true };

    /// <summary>The stage names, comma-separated: how a template reads in a list.</summary>
    public static string StageList(StageTemplate template) => string.Join(", ", template.Stages.Select(s => s.Name));

    private static string Names(IEnumerable<StageTemplate> templates) => string.Join(", ", templates.Select(t => $"“{t.Name}”"));

    private static StageTemplate Of(string name, IReadOnlyList<string> stages) => new(name, [.. stages.Select(s => new TemplateStage(s))]);
}
