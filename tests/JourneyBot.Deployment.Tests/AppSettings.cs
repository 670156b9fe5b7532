namespace JourneyBot.Deployment.Tests;

/// <summary>The app settings <c>deployment/</c> gives the web app, read from the compiled template.</summary>
public static class AppSettings
{
    /// <summary>The settings resource (<c>Microsoft.Web/sites/config</c> named <c>appsettings</c>): each name with its value or ARM expression.</summary>
    public static IReadOnlyDictionary<string, string> Of(ArmTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var settings = template.OfType("Microsoft.Web/sites/config")
            .Where(r => r.At("name")?.Contains("appsettings", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(settings.Count == 1, $"Expected one appsettings resource, found {settings.Count}.");
        return settings[0].Properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
    }

    /// <summary>Whether a template value is an ARM expression (<c>[…]</c>) rather than a literal.</summary>
    public static bool IsExpression(string value) =>
        value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal);
}
