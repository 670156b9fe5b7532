namespace JourneyBot.Bench.Load.Sessions;

/// <summary>What members say: the running-shoes journey, in enough variety that maps are not all alike.</summary>
internal static class Phrases
{
    public static readonly string[] Stages = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];

    /// <summary>Channels as the card's choice values (the bot's enum names).</summary>
    public static readonly string[] CardChannels =
        ["Email", "SocialNetworks", "WhatsApp", "Blog", "Website", "Store", "Phone", "App", "Ads", "WordOfMouth"];

    /// <summary>The same channels as members type them.</summary>
    public static readonly string[] TypedChannels =
        ["email", "social media", "whatsapp", "blog", "website", "store", "phone", "app", "ads", "word of mouth"];

    public static readonly string[] Touchpoints =
    [
        "Newsletter announces the spring running collection", "Instagram ad for beginner runners",
        "Asks a friend on WhatsApp which shoes to buy", "Reads a blog review of cushioned shoes",
        "Compares models on the product page", "Tries shoes on in the shop", "Calls the hotline about sizes",
        "Tracks the delivery in the app", "Sees a banner on a sports site", "A running club friend recommends us",
    ];

    public static readonly string[] PainPoints =
    [
        "Sizes differ between brands", "Shipping cost shows late at checkout", "No filter for running surface",
        "Return label is hard to find", "Waits on hold for twenty minutes", "The size guide is confusing",
    ];

    public static readonly string[] Opportunities =
    [
        "Fit finder from a foot photo", "Bundle socks with the first pair", "Free returns for first-time buyers",
        "Running plan in the app after purchase", "Loyalty points for runs logged",
    ];

    public static readonly string[] Goals = ["Find a shoe that will not hurt", "Start running without spending too much"];

    public static readonly string[] Actions = ["Logs runs in the app", "Reads reviews before buying"];

    public static readonly (string Score, string Word)[] Emotions = [("1", "curious"), ("-1", "unsure"), ("2", "delighted"), ("-2", "annoyed"), ("0", "calm")];

    /// <summary>The item <paramref name="i"/> of <paramref name="list"/>, wrapping around.</summary>
    public static T Pick<T>(T[] list, int i) => list[((i % list.Length) + list.Length) % list.Length];
}
