using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The example map: the running-shoes journey of seed 004, as four departments would map it, in the
/// language of the turn that asks for it. The commands are the English words, which every language
/// accepts; what members say in them (the objective, the items, the departments) are texts of
/// Strings.resx, so the example reads in Spanish or Romanian where the team speaks it.
/// "{…}" around an item's text in a vote, an <c>act</c> or a <c>park</c> names that item (in a
/// <c>truth</c>, the touchpoint); "{in 6 weeks}" is the day six weeks from the demo's, and "{me}"
/// whoever asked for the demo.
/// </summary>
internal static class DemoScript
{
    /// <summary>
    /// Who says what, in order, in the current UI culture; null is whoever asked for the demo, who
    /// facilitates. Every item says how its author knows it, as members are asked to: an example shows
    /// no "not said yet".
    /// </summary>
    public static IReadOnlyList<(Person? Who, string Says)> Lines()
    {
        var marta = Member("marta", "Marta");
        var dan = Member("dan", "Dan");
        var sofia = Member("sofia", "Sofia");
        var ioana = Member("ioana", "Ioana");
        var (consideration, evaluation, purchase, firstRun) =
            (Strings.StageConsideration, Strings.StageEvaluation, Strings.StagePurchase, Strings.DemoStageFirstRun);
        var (marketing, sales, service, product) =
            (Strings.DepartmentMarketing, Strings.DepartmentSales, Strings.DepartmentCustomerService, Strings.DepartmentProduct);

        return
        [
            (null, Strings.DemoObjective),
            (null, Strings.DemoPersona),
            (null, Strings.DemoStartPoint),
            (null, Strings.DemoEndPoint),
            (null, string.Join(", ", consideration, evaluation, purchase, firstRun)),
            (null, "next"),
            (marta, $"department {marketing}"),
            (dan, $"department {sales}"),
            (sofia, $"department {service}"),
            (ioana, $"department {product}"),
            // What Ana expects in each stage and what moves her on: anyone may say it.
            (marta, $"expects {consideration} | {Strings.DemoExpectsConsideration}"),
            (dan, $"moves on {consideration} | {Strings.DemoMovesOnConsideration}"),
            (ioana, $"expects {evaluation} | {Strings.DemoExpectsEvaluation}"),
            (dan, $"moves on {evaluation} | {Strings.DemoMovesOnEvaluation}"),
            (sofia, $"expects {purchase} | {Strings.DemoExpectsPurchase}"),
            (sofia, $"moves on {purchase} | {Strings.DemoMovesOnPurchase}"),
            (marta, $"expects {firstRun} | {Strings.DemoExpectsFirstRun}"),
            (marta, $"moves on {firstRun} | {Strings.DemoMovesOnFirstRun}"),
            (marta, $"touchpoint {consideration} | blog | {Strings.DemoTouchpointReviewBlogs} | observed"),
            (marta, $"touchpoint {consideration} | social | {Strings.DemoTouchpointInfluencers} | reported"),
            (dan, $"touchpoint {consideration} | word of mouth | {Strings.DemoTouchpointAsksFriends} | reported"),
            (dan, $"touchpoint {consideration} | store | {Strings.DemoTouchpointAsksInStore} | observed"),
            (marta, $"goal {consideration} | {Strings.DemoGoalConsideration} | reported"),
            (marta, $"thought {consideration} | {Strings.DemoThoughtRealRunner} | reported"),
            (dan, $"bright spot {consideration} | {Strings.DemoBrightSpotStoreStaff} | observed"),
            (sofia, $"pain {consideration} | {Strings.DemoPainJargon} | reported"),
            (marta, $"emotion {consideration} | 1 | {Strings.DemoFeelingMotivated} | reported"),
            (sofia, $"emotion {consideration} | 0 | {Strings.DemoFeelingUnsure} | reported"),
            (marta, $"opportunity {consideration} | {Strings.DemoOpportunityBlog} | {marketing} | assumed"),
            (dan, $"opportunity {consideration} | {Strings.DemoOpportunityReferral} | {sales} | assumed"),
            (ioana, $"touchpoint {evaluation} | website | {Strings.DemoTouchpointComparesModels} | observed"),
            (dan, $"touchpoint {evaluation} | store | {Strings.DemoTouchpointTreadmill} | observed"),
            (sofia, $"touchpoint {evaluation} | whatsapp | {Strings.DemoTouchpointWhatsApp} | reported"),
            (ioana, $"action {evaluation} | {Strings.DemoActionReadsReviews} | observed"),
            (ioana, $"thought {evaluation} | {Strings.DemoThoughtFit} | reported"),
            (dan, $"bright spot {evaluation} | {Strings.DemoBrightSpotTreadmill} | observed"),
            (sofia, $"pain {evaluation} | {Strings.DemoPainSizeGuide} | reported"),
            (ioana, $"pain {evaluation} | {Strings.DemoPainNoSurfaceFilter} | observed"),
            (ioana, $"emotion {evaluation} | -1 | {Strings.DemoFeelingOverwhelmed} | reported"),
            (sofia, $"emotion {evaluation} | -2 | {Strings.DemoFeelingFrustrated} | reported"),
            (ioana, $"opportunity {evaluation} | {Strings.DemoOpportunityFitFinder} | {product} | assumed"),
            (dan, $"opportunity {evaluation} | {Strings.DemoOpportunityRebates} | {sales} | assumed"),
            (dan, $"touchpoint {purchase} | app | {Strings.DemoTouchpointBuysInApp} | observed"),
            (sofia, $"touchpoint {purchase} | email | {Strings.DemoTouchpointOrderEmails} | observed"),
            (sofia, $"pain {purchase} | {Strings.DemoPainDeliveryWindow} | reported"),
            (dan, $"bright spot {purchase} | {Strings.DemoBrightSpotDiscount} | observed"),
            (dan, $"emotion {purchase} | 1 | {Strings.DemoFeelingRelieved} | reported"),
            (sofia, $"opportunity {purchase} | {Strings.DemoOpportunitySameDay} | {service} | assumed"),
            (marta, $"touchpoint {firstRun} | social | {Strings.DemoTouchpointStrava} | reported"),
            (ioana, $"touchpoint {firstRun} | app | {Strings.DemoTouchpointLogsRun} | assumed"),
            (marta, $"emotion {firstRun} | 2 | {Strings.DemoFeelingProud} | reported"),
            (ioana, $"emotion {firstRun} | 2 | {Strings.DemoFeelingHooked} | reported"),
            (marta, $"opportunity {firstRun} | {Strings.DemoOpportunityChallenge} | {marketing} | assumed"),
            // The touchpoints that make or break the journey.
            (null, $"truth {{{Strings.DemoTouchpointTreadmill}}}"),
            (null, $"truth {{{Strings.DemoTouchpointBuysInApp}}}"),
            (null, $"truth {{{Strings.DemoTouchpointAsksFriends}}}"),
            (null, "next"),
            (marta, Vote(Strings.DemoOpportunityFitFinder, Strings.DemoOpportunitySameDay)),
            (dan, Vote(Strings.DemoOpportunityFitFinder, Strings.DemoPainSizeGuide, Strings.DemoOpportunityRebates)),
            (sofia, Vote(Strings.DemoPainSizeGuide, Strings.DemoOpportunityFitFinder, Strings.DemoPainDeliveryWindow)),
            (ioana, Vote(Strings.DemoOpportunityFitFinder, Strings.DemoPainNoSurfaceFilter)),
            // The top-voted opportunities become actions or wait, as publishing asks; {me} is whoever asked for the demo.
            (ioana, $"act {{{Strings.DemoOpportunityFitFinder}}} {{me}} by {{in 6 weeks}} | {Strings.DemoMeasureFitFinder}"),
            (sofia, $"act {{{Strings.DemoOpportunitySameDay}}} Sofia by {{in 4 weeks}} | {Strings.DemoMeasureSameDay}"),
            (dan, $"park {{{Strings.DemoOpportunityRebates}}} {Strings.DemoParkRebates}"),
            (null, "publish"),
        ];
    }

    // The four example members: their ids never change, their names say in the team's language that they are examples.
    private static Person Member(string id, string name) => new($"example:{id}", Strings.DemoExampleMember.Fill(("name", name)));

    private static string Vote(params string[] items) => "vote " + string.Join(' ', items.Select(i => $"{{{i}}}"));
}
