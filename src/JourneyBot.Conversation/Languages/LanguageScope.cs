using System.Globalization;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// Work done in one language: its texts (<see cref="CultureInfo.CurrentUICulture"/>), dates and
/// numbers (<see cref="CultureInfo.CurrentCulture"/>), and the words a member may type
/// (<see cref="TypedLanguages"/>), until disposed, when the earlier ones come back.
/// </summary>
/// <remarks>
/// The cultures flow with the async work started inside the scope (they live in the execution
/// context), so concurrent turns on one thread never see each other's language. Enter and dispose
/// in the same method.
/// </remarks>
public sealed class LanguageScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;
    private readonly IReadOnlyList<CultureInfo> _typed;

    private LanguageScope(CultureInfo language, IReadOnlyList<CultureInfo> typed)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        _typed = TypedLanguages.Current;
        CultureInfo.CurrentCulture = language;
        CultureInfo.CurrentUICulture = language;
        TypedLanguages.Current = typed;
    }

    /// <summary>Speaks <paramref name="language"/>; a member may type its words and those of <paramref name="alsoTyped"/> (English always).</summary>
    public static LanguageScope Enter(CultureInfo language, params IEnumerable<CultureInfo?> alsoTyped)
    {
        ArgumentNullException.ThrowIfNull(language);
        return new LanguageScope(language, [language, .. alsoTyped.OfType<CultureInfo>()]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        TypedLanguages.Current = _typed;
    }
}
