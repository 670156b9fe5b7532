using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The few Adaptive Card (schema 1.5, what Teams renders) elements JourneyBot uses, as typed
/// records: user text goes in as data and can never break the card's JSON.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    /// <summary>Always <c>AdaptiveCard</c>.</summary>
    public string Type { get; init; } = "AdaptiveCard";

    /// <summary>The schema address editors use.</summary>
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>1.5: the newest version Teams renders, and the one Universal Actions need.</summary>
    public string Version { get; init; } = "1.5";

    /// <summary>Buttons at the bottom of the card.</summary>
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions refresh: the client asks the bot for the latest card when it shows this one.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams: use the full width of the message area.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Teams { get; init; } = new("Full");

    /// <summary>The card as JSON.</summary>
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, CardJson.Default.AdaptiveCard);
}

/// <summary>How a card refreshes itself (Universal Actions).</summary>
/// <param name="Action">The Action.Execute the client sends to get the latest card (typed as the base so its "type" is written).</param>
public sealed record CardRefresh(CardAction Action)
{
    /// <summary>
    /// The Teams user ids (<c>29:…</c>, at most <see cref="MaxUserIds"/>) whose client refreshes the
    /// card by itself wherever the conversation has more than 60 members; the rest get "Refresh card"
    /// in the card's menu. Null: Teams refreshes for everyone in a conversation of up to 60 members.
    /// </summary>
    public IReadOnlyList<string>? UserIds { get; init; }

    /// <summary>The most user ids Teams takes in <see cref="UserIds"/>.</summary>
    public const int MaxUserIds = 60;
}

/// <summary>Teams-specific card properties.</summary>
/// <param name="Width"><c>Full</c> to use the whole width.</param>
public sealed record TeamsCardProperties(string Width);

/// <summary>An element of a card's body.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputTime), "Input.Time")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(Image), "Image")]
public abstract record CardElement
{
    /// <summary>The element's id (for inputs: the key of its value in the submitted data).</summary>
    public string? Id { get; init; }

    /// <summary>A separating line above the element.</summary>
    public bool? Separator { get; init; }

    /// <summary><c>None</c>, <c>Small</c>, <c>Medium</c>, <c>Large</c> …</summary>
    public string? Spacing { get; init; }

    /// <summary>False to start hidden (a <see cref="ToggleVisibilityAction"/> shows it); null is shown.</summary>
    public bool? IsVisible { get; init; }
}

/// <summary>Text written by the bot. Markdown is rendered, so never put user text here: use <see cref="RichTextBlock"/>.</summary>
internal sealed record TextBlock(string Text) : CardElement
{
    /// <summary>Wraps long text (always on: Teams on phones is narrow).</summary>
    public bool Wrap { get; init; } = true;

    /// <summary><c>Bolder</c> for headings.</summary>
    public string? Weight { get; init; }

    /// <summary><c>Large</c>, <c>Medium</c>, <c>Small</c>.</summary>
    public string? Size { get; init; }

    /// <summary><c>Good</c>, <c>Warning</c>, <c>Attention</c>, <c>Accent</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Dimmed text.</summary>
    public bool? IsSubtle { get; init; }
}

/// <summary>Text shown exactly as given (no markdown): the place for what members typed.</summary>
internal sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

/// <summary>A run of plain text inside a <see cref="RichTextBlock"/>.</summary>
internal sealed record TextRun(string Text)
{
    /// <summary>Always <c>TextRun</c>.</summary>
    public string Type { get; init; } = "TextRun";

    /// <summary><c>Bolder</c> for emphasis.</summary>
    public string? Weight { get; init; }

    /// <summary>Dimmed text.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Italic.</summary>
    public bool? Italic { get; init; }

    /// <summary><c>Attention</c>, <c>Warning</c>, <c>Good</c> …; never the only sign of what it marks.</summary>
    public string? Color { get; init; }
}

/// <summary>Label/value pairs. Values are rendered as markdown: only bot text or escaped text belongs here.</summary>
internal sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

/// <summary>One line of a <see cref="FactSet"/>.</summary>
internal sealed record Fact(string Title, string Value);

/// <summary>A group of elements, optionally styled.</summary>
internal sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary><c>emphasis</c>, <c>good</c>, <c>attention</c>, <c>warning</c>, <c>accent</c>.</summary>
    public string? Style { get; init; }
}

/// <summary>A text input.</summary>
internal sealed record InputText : CardElement
{
    /// <summary>The label shown above the input (Teams shows labels; screen readers read them).</summary>
    public required string Label { get; init; }

    /// <summary>A hint inside the empty input.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The initial value.</summary>
    public string? Value { get; init; }

    /// <summary>More than one line.</summary>
    public bool? IsMultiline { get; init; }

    /// <summary>The most characters accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Whether the client must require a value before submitting.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when a required value is missing.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>A choice input (drop-down, or checkboxes when multi-select and expanded).</summary>
internal sealed record InputChoiceSet : CardElement
{
    /// <summary>The label.</summary>
    public required string Label { get; init; }

    /// <summary>The choices.</summary>
    public required IReadOnlyList<Choice> Choices { get; init; }

    /// <summary>The initially selected value(s), comma-separated.</summary>
    public string? Value { get; init; }

    /// <summary><c>compact</c> (drop-down) or <c>expanded</c> (radio buttons / checkboxes).</summary>
    public string? Style { get; init; }

    /// <summary>Several choices at once; the value is then comma-separated.</summary>
    public bool? IsMultiSelect { get; init; }

    /// <summary>Whether a choice is required.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when a required value is missing.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>A hint when nothing is chosen.</summary>
    public string? Placeholder { get; init; }

    /// <summary>
    /// Choices the client looks up as the member types (Teams: the people picker, <see cref="ChoicesQuery.People"/>);
    /// clients without it show <see cref="Choices"/>.
    /// </summary>
    [JsonPropertyName("choices.data")]
    public ChoicesQuery? ChoicesData { get; init; }
}

/// <summary>Where a choice set looks its choices up (<c>Data.Query</c>).</summary>
/// <param name="Dataset">The dataset, e.g. <c>graph.microsoft.com/users</c>: the tenant's people, the value their Entra object id.</param>
internal sealed record ChoicesQuery(string Dataset)
{
    /// <summary>Teams' people picker over the organisation's directory.</summary>
    public static ChoicesQuery People { get; } = new("graph.microsoft.com/users");

    /// <summary>Always <c>Data.Query</c>.</summary>
    public string Type { get; init; } = "Data.Query";
}

/// <summary>A check box: sends <c>true</c> or <c>false</c>.</summary>
internal sealed record InputToggle : CardElement
{
    /// <summary>The text beside the box.</summary>
    public required string Title { get; init; }

    /// <summary><c>true</c> to start ticked.</summary>
    public string? Value { get; init; }

    /// <summary>Wraps a long title.</summary>
    public bool Wrap { get; init; } = true;
}

/// <summary>A date picker: sends <c>yyyy-MM-dd</c>.</summary>
internal sealed record InputDate : CardElement
{
    /// <summary>The label.</summary>
    public required string Label { get; init; }

    /// <summary>The initial date, <c>yyyy-MM-dd</c>.</summary>
    public string? Value { get; init; }

    /// <summary>The earliest date the picker offers, <c>yyyy-MM-dd</c>.</summary>
    public string? Min { get; init; }

    /// <summary>The latest date the picker offers, <c>yyyy-MM-dd</c>.</summary>
    public string? Max { get; init; }
}

/// <summary>A time picker: sends <c>HH:mm</c>.</summary>
internal sealed record InputTime : CardElement
{
    /// <summary>The label.</summary>
    public required string Label { get; init; }

    /// <summary>The initial time, <c>HH:mm</c>.</summary>
    public string? Value { get; init; }
}

/// <summary>One choice of an <see cref="InputChoiceSet"/>.</summary>
internal sealed record Choice(string Title, string Value);

/// <summary>A picture; clients that cannot show it show <see cref="Fallback"/>.</summary>
/// <param name="Url">An https address or a <c>data:image/png;base64,…</c> URI.</param>
internal sealed record Image(string Url) : CardElement
{
    /// <summary>What the picture shows, for screen readers.</summary>
    public string? AltText { get; init; }

    /// <summary><c>Stretch</c> to fill the width.</summary>
    public string? Size { get; init; }

    /// <summary>The element shown instead where images are not supported.</summary>
    public CardElement? Fallback { get; init; }
}

/// <summary>Buttons inside the body.</summary>
internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>A button.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction(string Title)
{
    /// <summary><c>positive</c> for the main button. (Teams ignores it; other hosts show it.)</summary>
    public string? Style { get; init; }
}

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke and shows the card the bot
/// answers with. Clients without Universal Actions fall back to the <see cref="Fallback"/> submit.
/// </summary>
internal sealed record ExecuteAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    /// <summary>The same action as a plain submit, with the verb in its data.</summary>
    public SubmitAction? Fallback { get; init; }

    /// <summary>
    /// <c>none</c> for a button that does not send the card's inputs, so that the client neither
    /// checks nor sends them; null sends and checks them (<c>auto</c>).
    /// </summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>A button that opens a web page.</summary>
/// <param name="Title">The button's text.</param>
/// <param name="Url">The https (or, locally, http) address.</param>
internal sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

/// <summary>
/// A button that shows and hides elements of its card, in the client alone (no round trip to the
/// bot); the card's inputs, hidden or not, stay one form.
/// </summary>
/// <param name="Title">The button's text.</param>
/// <param name="TargetElements">The elements it changes, each made visible or hidden.</param>
internal sealed record ToggleVisibilityAction(string Title, IReadOnlyList<TargetElement> TargetElements) : CardAction(Title);

/// <summary>An element a <see cref="ToggleVisibilityAction"/> shows (or hides).</summary>
/// <param name="ElementId">The element's id.</param>
/// <param name="IsVisible">Shown or hidden after the press.</param>
internal sealed record TargetElement(string ElementId, bool IsVisible);

/// <summary>A submit: Teams sends a message whose value is the data merged with the inputs.</summary>
internal sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    /// <summary>As <see cref="ExecuteAction.AssociatedInputs"/>.</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>Source-generated JSON for cards: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class CardJson : JsonSerializerContext;
