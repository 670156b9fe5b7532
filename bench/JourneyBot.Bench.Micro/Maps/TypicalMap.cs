using JourneyBot.Conversation.Mapping;
using static JourneyBot.Bench.Micro.Maps.SampleMapBuilder;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>
/// A map as a real workshop leaves it: 6 stages, 40 items of every kind from 8 members of the 4
/// core departments, with emotions on every stage and 5 dot votes each.
/// </summary>
internal static class TypicalMap
{
    public static readonly Person Marta = new("8f3c1a52-6d0e-4b7a-9c1f-2a4e6b8d0c11", "Marta Novak");
    public static readonly Person Lewis = new("1b7e9d34-2c5a-4f8e-8d3b-6a0c2e4f6a22", "Lewis Carter");
    public static readonly Person Dan = new("4d2a6c8e-0b1f-4a3c-9e5d-7b9f1d3a5c33", "Dan Okafor");
    public static readonly Person Priya = new("7a9c1e3b-5d7f-4b2a-8c4e-0d2f4a6c8e44", "Priya Raman");
    public static readonly Person Sofia = new("2c4e6a8d-1f3b-4c5d-9a7e-3b5d7f9a1c55", "Sofia Ferreira");
    public static readonly Person Kwame = new("5e7a9c1d-3b5f-4d6e-8f0a-4c6e8a0b2d66", "Kwame Mensah");
    public static readonly Person Ioana = new("9a1c3e5f-7b9d-4e0f-a2c4-5d7f9b1c3e77", "Ioana Popescu");
    public static readonly Person Tom = new("3f5b7d9e-1a3c-4f2b-b4d6-6e8a0c2e4f88", "Tom Lindqvist");

    private const string Marketing = "Marketing";
    private const string Sales = "Sales";
    private const string Service = "Customer Service";
    private const string Product = "Product";

    /// <summary>The running-shoes journey at <paramref name="step"/> with <paramref name="status"/>.</summary>
    public static SampleMap Create(MapStep step = MapStep.Review, MapStatus status = MapStatus.Published)
    {
        var builder = new SampleMapBuilder("First running shoes", Marta, step, status)
            .Scope(
                "Get new runners to buy their first running shoes from us, online or in store, and come back for the second pair",
                "Ana, 34, has decided to start running to get fit; price-aware, asks friends, shops on her phone in the evening",
                "Decides to start running",
                "Recommends us after a month of running")
            .Stages(["Awareness", "Consideration", "Evaluation", "Purchase", "First run", "Advocacy"]);
        var stages = builder.StageList;
        void Touch(Person who, string department, int stage, TouchChannel channel, string text, Evidence evidence) =>
            builder.Add(who, department, Draft(stages[stage], ItemKind.Touchpoint, text, evidence) with { Channel = channel });
        void Say(Person who, string department, int stage, ItemKind kind, string text, Evidence evidence = Evidence.Assumed) =>
            builder.Add(who, department, Draft(stages[stage], kind, text, evidence));
        void Feel(Person who, string department, int stage, int score, string word) =>
            builder.Add(who, department, Draft(stages[stage], ItemKind.Emotion, word) with { Score = score });
        void Idea(Person who, string department, int stage, string text, string owner) =>
            builder.Add(who, department, Draft(stages[stage], ItemKind.Opportunity, text) with { Owner = owner });

        Touch(Marta, Marketing, 0, TouchChannel.Ads, "Sees a running-shoe ad before a fitness video", Evidence.Observed);
        Touch(Lewis, Marketing, 0, TouchChannel.SocialNetworks, "A friend posts her first 5K on Instagram", Evidence.Reported);
        Say(Marta, Marketing, 0, ItemKind.Goal, "Start running without getting injured");
        Say(Sofia, Service, 0, ItemKind.PainPoint, "Does not know where to start or which gear matters", Evidence.Reported);
        Feel(Marta, Marketing, 0, 1, "curious");
        Idea(Lewis, Marketing, 0, "Couch-to-5K starter guide run with our store's running club", Marketing);

        Touch(Marta, Marketing, 1, TouchChannel.Blog, "Searches “best running shoes for beginners” and lands on review blogs", Evidence.Observed);
        Touch(Dan, Sales, 1, TouchChannel.WordOfMouth, "Asks friends who run which shoes they use", Evidence.Reported);
        Touch(Priya, Sales, 1, TouchChannel.Store, "Drops into a sports store to ask for advice", Evidence.Observed);
        Say(Ioana, Product, 1, ItemKind.Action, "Reads reviews and saves three models to compare");
        Say(Sofia, Service, 1, ItemKind.PainPoint, "Jargon (drop, pronation) she does not understand", Evidence.Reported);
        Feel(Sofia, Service, 1, 0, "unsure");
        Idea(Marta, Marketing, 1, "A plain-language guide to shoe jargon next to every model", Marketing);

        Touch(Ioana, Product, 2, TouchChannel.Website, "Compares three shortlisted models on the product pages", Evidence.Observed);
        Touch(Dan, Sales, 2, TouchChannel.Store, "Tries the shoes on and runs on the treadmill", Evidence.Observed);
        Touch(Kwame, Service, 2, TouchChannel.WhatsApp, "Asks the shop about sizes on WhatsApp", Evidence.Reported);
        Say(Sofia, Service, 2, ItemKind.PainPoint, "The size guide contradicts the in-store fitting", Evidence.Reported);
        Say(Ioana, Product, 2, ItemKind.PainPoint, "Cannot filter by running surface", Evidence.Observed);
        Feel(Ioana, Product, 2, -1, "overwhelmed");
        Feel(Kwame, Service, 2, -2, "frustrated");
        Idea(Tom, Product, 2, "Fit finder that learns from returns", Product);

        Touch(Dan, Sales, 3, TouchChannel.App, "Buys in the app with a first-run discount", Evidence.Observed);
        Touch(Kwame, Service, 3, TouchChannel.Email, "Order confirmation and delivery updates", Evidence.Observed);
        Touch(Sofia, Service, 3, TouchChannel.Phone, "Calls to change the delivery address", Evidence.Reported);
        Say(Priya, Sales, 3, ItemKind.Goal, "Pay a fair price and get the shoes before the weekend");
        Say(Sofia, Service, 3, ItemKind.PainPoint, "Delivery window too vague", Evidence.Reported);
        Say(Priya, Sales, 3, ItemKind.PainPoint, "The discount code fails at checkout on the first try", Evidence.Observed);
        Feel(Dan, Sales, 3, 1, "relieved");
        Idea(Kwame, Service, 3, "Same-day pick-up in store", Service);

        Touch(Marta, Marketing, 4, TouchChannel.SocialNetworks, "Shares the first run on Strava", Evidence.Reported);
        Touch(Ioana, Product, 4, TouchChannel.App, "Logs the run and rates the shoes", Evidence.Assumed);
        Say(Tom, Product, 4, ItemKind.Action, "Runs 3 km in the park before work");
        Say(Kwame, Service, 4, ItemKind.PainPoint, "A blister after the first run; unsure whether she may still return the shoes", Evidence.Reported);
        Feel(Marta, Marketing, 4, 2, "proud");
        Idea(Tom, Product, 4, "Post-run check-in with tips on fit and lacing", Product);

        Touch(Lewis, Marketing, 5, TouchChannel.Email, "Invitation to review the shoes after two weeks", Evidence.Observed);
        Touch(Priya, Sales, 5, TouchChannel.WordOfMouth, "Recommends the store to her running group", Evidence.Assumed);
        Say(Lewis, Marketing, 5, ItemKind.PainPoint, "The review request arrives before she has run enough to judge");
        Feel(Lewis, Marketing, 5, 1, "loyal");
        Idea(Dan, Sales, 5, "A referral plan for running-club members", Sales);

        return builder.Build(votesEach: 5);
    }
}
