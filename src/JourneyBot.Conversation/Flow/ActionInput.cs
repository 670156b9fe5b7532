using System.Globalization;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Reads what makes an action, typed or from its form: the due date, the success measure, and the
/// form's fields (see <see cref="Cards.ActionFormCard"/>).
/// </summary>
internal static class ActionInput
{
    /// <summary>The form's input ids.</summary>
    public const string OwnerField = "action.owner";
    public const string DepartmentField = "action.department";
    public const string DueField = "action.due";
    public const string MeasureField = "action.measure";
    public const string BaselineField = "action.baseline";
    public const string TargetField = "action.target";

    /// <summary>The furthest ahead a due date may be: further is no plan anyone follows up.</summary>
    public const int MostYearsAhead = 2;

    // ISO first (Input.Date sends it); then the day-month-year forms people type, with the month
    // written out so that no 03/04 is read the wrong way round.
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d MMM, yyyy"];

    /// <summary>The longest measure name ("share of first-time buyers who buy again within 90 days" and then some).</summary>
    public const int MeasureNameMax = 120;

    private static readonly string[] Arrows = ["→", "->", "=>"];

    /// <summary>The action form's submit as a command.</summary>
    public static ActCommand FromForm(CardSubmit submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var measure = submit[MeasureField] is null && submit[BaselineField] is null && submit[TargetField] is null
            ? null
            : new MeasureInput(submit[MeasureField], submit[BaselineField], submit[TargetField]);
        return new ActCommand(submit[CardVerbs.OpportunityKey] ?? string.Empty, submit[OwnerField], submit[DueField], measure,
            submit[DepartmentField], OwnerById: true);
    }

    /// <summary>"repeat purchase within 90 days: 18% → 25%" (or <c>-&gt;</c>); the baseline and the target may be left out.</summary>
    public static MeasureInput ReadMeasure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (left, target) = (text.Trim(), (string?)null);
        foreach (var arrow in Arrows)
        {
            var at = left.IndexOf(arrow, StringComparison.Ordinal);
            if (at >= 0)
            {
                (left, target) = (left[..at].Trim(), left[(at + arrow.Length)..].Trim());
                break;
            }
        }

        var colon = left.LastIndexOf(':');
        var (name, baseline) = colon < 0 ? (left, null) : (left[..colon].Trim(), left[(colon + 1)..].Trim());
        return new MeasureInput(Blank(name), Blank(baseline), Blank(target));
    }

    /// <summary>The measure to keep, or the problem with it; null and null when none was given. No target is kept as "no target yet".</summary>
    public static (SuccessMeasure? Measure, string? Problem) Measure(MeasureInput? input)
    {
        if (input is null || (input.Name is null && input.Baseline is null && input.Target is null))
        {
            return (null, null);
        }

        var name = TextRules.Clean(input.Name, MeasureNameMax, Strings.NounMeasureName, out var problem);
        var baseline = Optional(input.Baseline, Strings.NounMeasureValue, ref problem);
        var target = Optional(input.Target, Strings.NounMeasureValue, ref problem);
        return problem is null ? (new SuccessMeasure(name, baseline, target), null) : (null, problem);
    }

    // A part that may be left out: cleaned when given, the first problem kept.
    private static string? Optional(string? text, string what, ref string? problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = TextRules.Clean(text, TextRules.ShortMax, what, out var found);
        problem ??= found;
        return clean;
    }

    /// <summary>The due day given, or the problem with it, for a member whose today is <paramref name="today"/>.</summary>
    public static (DateOnly? Due, string? Problem) Due(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Strings.ActDueMissing);
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var due))
        {
            return (null, Strings.ActDueUnreadable);
        }

        return due < today ? (null, Strings.ActDuePast.Fill(("today", today)))
            : due > today.AddYears(MostYearsAhead) ? (null, Strings.ActDueTooFar.Fill(("latest", today.AddYears(MostYearsAhead))))
            : (due, null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
