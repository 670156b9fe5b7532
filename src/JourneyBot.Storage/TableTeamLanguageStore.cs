using Azure.Data.Tables;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>The language of a team's posts: one row in the team's partition of the maps' table.</summary>
/// <remarks>
/// Row <c>t~language</c> (<see cref="RowKeys.Language"/>): Kind <c>language</c>, <c>Language</c> the code,
/// <c>ChosenById</c> and <c>ChosenByName</c> who chose it (absent on rows written before they were kept).
/// It belongs to the team, as its departments and templates do: no map's deletion touches it.
/// </remarks>
/// <param name="table">The maps' table; created at start-up by the hosted initializer.</param>
public sealed class TableTeamLanguageStore(TableClient table) : ITeamLanguageStore
{
    private const string Kind = "language";
    private const string ChosenById = "ChosenById";
    private const string ChosenByName = "ChosenByName";

    /// <inheritdoc />
    /// <remarks>One point read; a team without the row answers 404, read as none.</remarks>
    public async Task<TeamLanguageChoice?> GetAsync(string teamKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(teamKey), RowKeys.Language,
            [MapRows.LanguageProperty, ChosenById, ChosenByName], cancellationToken);
        if (!row.HasValue || row.Value?.GetString(MapRows.LanguageProperty) is not { } language)
        {
            return null;
        }

        var by = row.Value.GetString(ChosenById);
        return new TeamLanguageChoice(language, string.IsNullOrEmpty(by) ? null : new Person(by, row.Value.GetString(ChosenByName) ?? string.Empty));
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task PutAsync(string teamKey, TeamLanguageChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var row = new TableEntity(KeyEncoder.Encode(teamKey), RowKeys.Language)
        {
            [MapRows.KindProperty] = Kind,
            [MapRows.LanguageProperty] = choice.Language,
            [ChosenById] = choice.ChosenBy?.Id,
            [ChosenByName] = choice.ChosenBy?.Name,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
