using System.Text.Json;

namespace JourneyBot.Deployment.Tests;

/// <summary>One resource of a compiled template, wherever it is nested.</summary>
/// <param name="Type">Its type, e.g. <c>Microsoft.Storage/storageAccounts</c>.</param>
/// <param name="Json">Its definition.</param>
/// <param name="Scope">The template (module) it is declared in, for its parameters and variables.</param>
public sealed record ArmResource(string Type, JsonElement Json, TemplateScope Scope)
{
    /// <summary>Its <c>properties</c> object.</summary>
    public JsonElement Properties => Json.GetProperty("properties");

    /// <summary>A string at a dotted path, e.g. <c>properties.siteConfig.linuxFxVersion</c>; null when absent.</summary>
    public string? At(string path)
    {
        var current = Json;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => Scope.Resolve(current.GetString()!),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => current.GetRawText(),
        };
    }
}

/// <summary>
/// An ARM template as bicep compiles it. Modules become nested deployments, so resources are
/// looked for at every level; with language version 2.0 they are an object, not an array.
/// </summary>
public sealed class ArmTemplate(JsonElement root)
{
    /// <summary>The template itself.</summary>
    public JsonElement Root { get; } = root;

    /// <summary>Every resource, in nested deployments too.</summary>
    public IEnumerable<ArmResource> Resources => ResourcesOf(new TemplateScope(Root, null));

    /// <summary>The resources of one type.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The top-level parameters.</summary>
    public JsonElement Parameters => Root.GetProperty("parameters");

    /// <summary>The names of the top-level outputs.</summary>
    public IReadOnlyList<string> OutputNames =>
        Root.TryGetProperty("outputs", out var outputs) ? [.. outputs.EnumerateObject().Select(o => o.Name)] : [];

    private static IEnumerable<ArmResource> ResourcesOf(TemplateScope scope)
    {
        if (!scope.Template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        var all = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : [.. resources.EnumerateObject().Select(p => p.Value)];
        foreach (var resource in all)
        {
            var type = resource.GetProperty("type").GetString()!;
            yield return new ArmResource(type, resource, scope);
            if (type == "Microsoft.Resources/deployments"
                && resource.TryGetProperty("properties", out var properties)
                && properties.TryGetProperty("template", out var nested))
            {
                var passed = properties.TryGetProperty("parameters", out var values) ? values : (JsonElement?)null;
                foreach (var inner in ResourcesOf(new TemplateScope(nested, passed) { Parent = scope }))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>
/// A template with the parameter values its parent deployment passes, so that a value written as
/// <c>[parameters('x')]</c> or <c>[variables('x')]</c> can be read as what it stands for.
/// </summary>
public sealed class TemplateScope(JsonElement template, JsonElement? passedParameters)
{
    /// <summary>The template.</summary>
    public JsonElement Template { get; } = template;

    /// <summary>The template that deploys this one, if any.</summary>
    public TemplateScope? Parent { get; init; }

    /// <summary>
    /// The value an expression that is only a parameter or variable reference stands for, followed
    /// through parent deployments; any other text as it is.
    /// </summary>
    public string Resolve(string value)
    {
        var reference = ArmReferences.Single().Match(value);
        if (!reference.Success)
        {
            // Inside a larger expression, a reference to a plain text becomes that text, quoted.
            return ArmReferences.Embedded().Replace(value, embedded =>
                Resolve($"[{embedded.Value}]") is var text && !text.StartsWith('[') ? $"'{text}'" : embedded.Value);
        }

        var name = reference.Groups["name"].Value;
        if (reference.Groups["kind"].Value == "variables")
        {
            return Template.TryGetProperty("variables", out var variables) && variables.TryGetProperty(name, out var variable)
                ? Text(variable, this)
                : value;
        }

        if (passedParameters is { } passed && passed.TryGetProperty(name, out var given) && given.TryGetProperty("value", out var givenValue))
        {
            return Parent is null ? givenValue.ToString() : Text(givenValue, Parent);
        }

        return Template.GetProperty("parameters").TryGetProperty(name, out var declared) && declared.TryGetProperty("defaultValue", out var fallback)
            ? Text(fallback, this)
            : value;
    }

    private static string Text(JsonElement value, TemplateScope scope) =>
        value.ValueKind == JsonValueKind.String ? scope.Resolve(value.GetString()!) : value.GetRawText();
}

/// <summary>The reference expressions <see cref="TemplateScope"/> follows.</summary>
internal static partial class ArmReferences
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[A-Za-z0-9_]+)'\)\]$")]
    public static partial System.Text.RegularExpressions.Regex Single();

    [System.Text.RegularExpressions.GeneratedRegex(@"(parameters|variables)\('[A-Za-z0-9_]+'\)")]
    public static partial System.Text.RegularExpressions.Regex Embedded();
}
