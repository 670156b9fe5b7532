using System.Globalization;

namespace JourneyBot.Testing;

/// <summary>
/// Runs test code in one of the bot's languages: sets <see cref="CultureInfo.CurrentUICulture"/> (which
/// text the generated Strings class returns) and <see cref="CultureInfo.CurrentCulture"/> (dates and
/// numbers) for the work, and puts both back after it. Until a language's Strings file exists its texts
/// fall back to English, so a test written with it covers the translation the moment the file lands.
/// </summary>
public static class InCulture
{
    /// <summary>The bot's languages: English (the neutral texts), Spanish and Romanian.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "ro"];

    /// <summary>Builds something (a card, a text) in <paramref name="language"/>.</summary>
    public static T Run<T>(string language, Func<T> build)
    {
        using var scope = Use(language);
        return build();
    }

    /// <summary>Does asynchronous work in <paramref name="language"/>; the culture flows with the awaits.</summary>
    public static async Task<T> RunAsync<T>(string language, Func<Task<T>> work)
    {
        using var scope = Use(language);
        return await work();
    }

    /// <summary>
    /// Switches both cultures to <paramref name="language"/> until the returned scope is disposed. The
    /// cultures live in the execution context, so an async test method that awaits inside the scope keeps them.
    /// </summary>
    public static IDisposable Use(string language) => new Scope(CultureInfo.GetCultureInfo(language));

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
