namespace JourneyBot.Conversation.Flow;

/// <summary>The verbs of JourneyBot's card buttons, and the keys of the data every button carries.</summary>
public static class CardVerbs
{
    /// <summary>Save the answer to a setup step.</summary>
    public const string Answer = "answer";

    /// <summary>Go on (or skip an optional step).</summary>
    public const string Next = "next";

    /// <summary>Go back one step.</summary>
    public const string Back = "back";

    /// <summary>Use the template chosen on the stages card (<see cref="TemplateKey"/>; none: the five-stage one).</summary>
    public const string Template = "template";

    /// <summary>Input key of the stages card's template choice: the template's name.</summary>
    public const string TemplateKey = "template";

    /// <summary>Save what the stages card says each stage's customer expects and what moves them on.</summary>
    public const string StageDetails = "stageDetails";

    /// <summary>What the stages card's "expects" inputs' keys start with; the stage's id follows.</summary>
    public const string ExpectsKey = "expects.";

    /// <summary>What the stages card's "moves on when" inputs' keys start with; the stage's id follows.</summary>
    public const string MovesOnKey = "movesOn.";

    /// <summary>Save the typed list of stages.</summary>
    public const string SetStages = "setStages";

    /// <summary>Add an item.</summary>
    public const string Add = "add";

    /// <summary>The author says how they know an item they added without saying (observed, reported, assumed).</summary>
    public const string SetEvidence = "setEvidence";

    /// <summary>Data key of <see cref="SetEvidence"/> and of a "Still true?" card's buttons: the item's id.</summary>
    public const string ItemKey = "item";

    /// <summary>Data key of <see cref="SetEvidence"/>: the evidence level picked.</summary>
    public const string EvidenceKey = "evidenceLevel";

    /// <summary>
    /// Asks the presser how they know each of their items typed without saying (the progress card's
    /// "How do we know?", see <see cref="EvidenceQuestions"/>).
    /// </summary>
    public const string UnsaidEvidence = "unsaidEvidence";

    /// <summary>
    /// Data key of <see cref="SetEvidence"/> on the card listing a member's unsaid items: where that card is,
    /// <see cref="EvidenceListInPlace"/> (in place of the progress card, for the presser only) or <see cref="EvidenceListPosted"/>.
    /// </summary>
    public const string EvidenceListKey = "evidenceList";

    /// <summary><see cref="EvidenceListKey"/> of a list shown in place of the progress card.</summary>
    public const string EvidenceListInPlace = "place";

    /// <summary><see cref="EvidenceListKey"/> of a list posted as a message of its own.</summary>
    public const string EvidenceListPosted = "post";

    /// <summary>Cast votes.</summary>
    public const string Vote = "vote";

    /// <summary>Publish the map.</summary>
    public const string Publish = "publish";

    /// <summary>Say your department.</summary>
    public const string Department = "department";

    /// <summary>Archive the active map and start a new one.</summary>
    public const string StartArchiving = "startArchiving";

    /// <summary>The latest progress card (a Universal Actions refresh).</summary>
    public const string Progress = "progress";

    /// <summary>The published map card again, with the latest actions (a Universal Actions refresh).</summary>
    public const string MapCard = "mapCard";

    /// <summary>Data key of the map card's refresh: the published version the card shows.</summary>
    public const string VersionKey = "version";

    /// <summary>Data key of the map card's refresh: which words open it, <see cref="IntroPublished"/> or <see cref="IntroStatus"/>.</summary>
    public const string IntroKey = "intro";

    /// <summary><see cref="IntroKey"/> of the card posted when the map was published.</summary>
    public const string IntroPublished = "published";

    /// <summary><see cref="IntroKey"/> of the card that answered <c>status</c>.</summary>
    public const string IntroStatus = "status";

    /// <summary>Show the status.</summary>
    public const string Status = "status";

    /// <summary>Whether a button with <paramref name="verb"/> sends what was filled in on its card.</summary>
    public static bool ReadsInputs(string verb) => verb is Answer or SetStages or Template or StageDetails or Add or Vote or Department or SendRound or SuggestSomeone or RoundDepartment
        or ActionBlocked or ActionReassign or ActionMeasure or ChoosePlan or MakeAction
        or SendValidation or ValidationAnswers or ResolveContradiction or StillTrueChanged;

    /// <summary>Opens the routing card of a round of questions (the progress card's "Ask the departments").</summary>
    public const string Ask = "ask";

    /// <summary>Sends the round the routing card describes.</summary>
    public const string SendRound = "sendRound";

    /// <summary>Closes the routing card without sending.</summary>
    public const string DropRound = "dropRound";

    /// <summary>Sends the validation round the facilitator's card describes (<c>validate</c>).</summary>
    public const string SendValidation = "sendValidation";

    /// <summary>A member's answers to a validation round, on their card in their 1:1 chat.</summary>
    public const string ValidationAnswers = "validationAnswers";

    /// <summary>The facilitator keeps, changes or removes a contradicted item, on the contradiction card.</summary>
    public const string ResolveContradiction = "resolveContradiction";

    /// <summary>A member asked in a round has nothing to add.</summary>
    public const string NothingToAdd = "nothingToAdd";

    /// <summary>A member asked in a round is done adding.</summary>
    public const string DoneAnswering = "doneAnswering";

    /// <summary>Not the member's area: they suggest someone else.</summary>
    public const string SuggestSomeone = "suggestSomeone";

    /// <summary>The member wants the reminder tomorrow morning.</summary>
    public const string RemindTomorrow = "remindTomorrow";

    /// <summary>An item typed in a 1:1 chat, added to the map the member picked.</summary>
    public const string AddTyped = "addTyped";

    /// <summary>A member asked in a round gives their department first.</summary>
    public const string RoundDepartment = "roundDepartment";

    /// <summary>Deletes the map (or all maps) the confirmation card names, for good.</summary>
    public const string DeleteMaps = "deleteMaps";

    /// <summary>Closes the confirmation card without deleting anything.</summary>
    public const string KeepMaps = "keepMaps";

    /// <summary>Opens the action form of a top-voted opportunity ("Make it an action" on the review card).</summary>
    public const string ActionForm = "actionForm";

    /// <summary>The action form's submit: makes the opportunity an action.</summary>
    public const string MakeAction = "makeAction";

    /// <summary>Closes the action form: the review card again.</summary>
    public const string ShowReview = "showReview";

    /// <summary>Data key of the action form's buttons: the opportunity's item id.</summary>
    public const string OpportunityKey = "opportunity";

    /// <summary>Opens a round of questions about one stage of a map whose actions of that stage are all done.</summary>
    public const string RemapStage = "remapStage";

    /// <summary>Data key of the re-map button: the stage's id.</summary>
    public const string StageKey = "stageId";

    /// <summary>Uses the plan picked on the tracker card (<c>tracker planner</c>) for the team's actions.</summary>
    public const string ChoosePlan = "choosePlan";

    /// <summary>Creates a Planner task for an action (<see cref="Cards.TrackerButtons.SendToPlanner"/>).</summary>
    public const string SendToPlanner = "sendToPlanner";

    /// <summary>Input id of the tracker card's plan picker: the plan id.</summary>
    public const string PlanKey = "plan";

    /// <summary>Data key of the Send to Planner button: the action (its opportunity's item id).</summary>
    public const string SendActionKey = "sendAction";

    /// <summary>Data key of the Delete button: the map id, or <see cref="AllMaps"/>.</summary>
    public const string DeleteKey = "delete";

    /// <summary><see cref="DeleteKey"/> for every map the member facilitates in the team.</summary>
    public const string AllMaps = "*";

    /// <summary>The owner (or the facilitator) marks an owned action done, on the owner's card.</summary>
    public const string ActionDone = "actionDone";

    /// <summary>Marks an owned action blocked, with the reason typed on the card.</summary>
    public const string ActionBlocked = "actionBlocked";

    /// <summary>Opens a blocked or done action again.</summary>
    public const string ActionReopen = "actionReopen";

    /// <summary>Gives an owned action to the colleague picked on the card.</summary>
    public const string ActionReassign = "actionReassign";

    /// <summary>Sets an owned action's success measure from the card's fields.</summary>
    public const string ActionMeasure = "actionMeasure";

    /// <summary>The owner's card as the action now stands (its Universal Actions refresh).</summary>
    public const string ActionCard = "actionCard";

    /// <summary>An item on a "Still true?" card is still true: it is confirmed as it stands.</summary>
    public const string StillTrueKept = "stillTrue";

    /// <summary>An item on a "Still true?" card changed: its new words, typed on the card, replace its old ones.</summary>
    public const string StillTrueChanged = "stillTrueChanged";

    /// <summary>An item on a "Still true?" card is no longer true: it is removed from the map.</summary>
    public const string StillTrueGone = "stillTrueGone";

    /// <summary>Data key of a "Still true?" card's buttons: the review's days the card lists items for.</summary>
    public const string DaysKey = "days";

    /// <summary>Data key: the owned action a card is about (its opportunity's item id); with <see cref="TeamKey"/> and <see cref="MapKey"/>.</summary>
    public const string ActionKey = "action";

    /// <summary>Data key: the person the owner's card was made for, so that a former owner's card says the action moved.</summary>
    public const string ForKey = "for";

    /// <summary>Data key: the team a member's question card belongs to (the card is answered in their 1:1 chat).</summary>
    public const string TeamKey = "team";

    /// <summary>Data key: the round a member's question card belongs to.</summary>
    public const string RoundKey = "round";

    /// <summary>Data key: the verb (for clients that fall back from Action.Execute to Action.Submit).</summary>
    public const string VerbKey = "verb";

    /// <summary>Data key: the map the card belongs to.</summary>
    public const string MapKey = "mapId";

    /// <summary>Data key: the step the card was made for.</summary>
    public const string StepKey = "step";

    /// <summary>Data key of an Add button: the kind of item its entry adds (see <see cref="Contribution.Token"/>).</summary>
    public const string KindKey = "kind";

    /// <summary>Data key: which card the button is on, where the same verb means something else on another card.</summary>
    public const string CardKey = "card";

    /// <summary>Data key of a validation round's number (the validation cards').</summary>
    public const string ValidationKey = "validation";

    /// <summary>Data key of what the facilitator decided of a contradiction (the validation cards').</summary>
    public const string ResolveKey = "resolve";

    /// <summary><see cref="CardKey"/> of the progress card's buttons: what they show is posted anew, the progress card stays.</summary>
    public const string ProgressCard = "progress";
}
