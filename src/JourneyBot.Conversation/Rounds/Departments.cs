using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Rounds;

/// <summary>Departments as teams name them: compared loosely, defaulted sensibly.</summary>
public static class Departments
{
    /// <summary>The most departments a team may set (a routing card shows one column each).</summary>
    public const int Max = 12;

    /// <summary>The departments a team hears from until it sets its own.</summary>
    public static IReadOnlyList<string> Default =>
        [Strings.DepartmentMarketing, Strings.DepartmentSales, Strings.DepartmentCustomerService, Strings.DepartmentProduct];

    /// <summary>Whether two department names mean the same ("sales" is "Sales ").</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Who is asked about a stage until the facilitator changes it: by the stage's name
    /// (Awareness and Consideration → Marketing; Purchase → Sales and Stores; Retention and
    /// Advocacy → Customer Service; Product everywhere), and every department that already added
    /// something to it; only departments the team has.
    /// </summary>
    public static IReadOnlyList<string> DefaultFor(Stage stage, IReadOnlyList<string> team, IEnumerable<MapItem> items)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(items);
        var wanted = new List<string> { Strings.DepartmentProduct };
        wanted.AddRange(ByStageName(stage.Name));
        wanted.AddRange(items.Where(i => i.StageId == stage.Id).Select(i => i.AuthorDepartment).OfType<string>());
        return [.. team.Where(d => wanted.Any(w => Same(w, d)))];
    }

    /// <summary>The team's departments as typed (<c>departments A, B, C</c>): trimmed, distinct, at most <see cref="Max"/>.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string> typed) =>
        [.. typed.Select(d => d.Trim()).Where(d => d.Length is > 0 and <= TextRules.ShortMax)
            .DistinctBy(d => d.ToUpperInvariant()).Take(Max)];

    private static IEnumerable<string> ByStageName(string name)
    {
        bool Is(string word) => name.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Is("aware") || Is("consider") || Is("discover"))
        {
            yield return Strings.DepartmentMarketing;
        }

        if (Is("purchase") || Is("buy") || Is("order") || Is("checkout"))
        {
            yield return Strings.DepartmentSales;
            yield return Strings.DepartmentStores;
        }

        if (Is("retention") || Is("advoca") || Is("support") || Is("service") || Is("loyal"))
        {
            yield return Strings.DepartmentCustomerService;
        }
    }
}
