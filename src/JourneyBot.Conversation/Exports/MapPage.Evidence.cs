using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Conversation.Exports;

/// <summary>The page's evidence history: every change of an item's evidence, and every contradiction resolved, newest first, with who, when and the proof.</summary>
public static partial class MapPage
{
    private static void AppendEvidenceHistory(StringBuilder html, IReadOnlyList<EvidenceChange> history)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"evidence-history\">{Strings.EvidenceHistoryHeading}</h2>");
        if (history.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\">{H(Strings.EvidenceHistoryNone.Replace("*", string.Empty, StringComparison.Ordinal))}</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{Strings.ColumnWhen}</th><th>{Strings.ColumnChange}</th><th>{Strings.ColumnProof}</th></tr></thead><tbody>");
        foreach (var change in history.OrderByDescending(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{change.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC</td><td>{H(Line(change))}</td><td>{Proof(change.Proof)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Line(EvidenceChange change) => change.Reason switch
    {
        EvidenceReason.SeenIt or EvidenceReason.CustomersTellUs => Strings.EvidenceHistoryRaised.Fill(
            ("item", change.ItemText), ("from", Vocabulary.Name(change.From)), ("to", Vocabulary.Name(change.To ?? change.From)),
            ("verdict", ValidationRules.Name(change.Reason == EvidenceReason.SeenIt ? Verdict.SeenIt : Verdict.CustomersTellUs)),
            ("member", change.Who.Name), ("department", change.Department ?? string.Empty)),
        _ => Strings.EvidenceHistoryResolved.Fill(("item", change.ItemText), ("member", change.Who.Name), ("resolution", change.Reason switch
        {
            EvidenceReason.Changed => Strings.ResolutionChanged,
            EvidenceReason.Removed => Strings.ResolutionRemoved,
            _ => Strings.ResolutionKept,
        })),
    };

    // A link given as proof is a link (only http and https), anything else is text; both escaped.
    private static string Proof(string? proof) =>
        proof is null ? string.Empty
        : Uri.TryCreate(proof, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{H(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">{H(proof)}</a>"
            : "“" + H(proof) + "”";
}
