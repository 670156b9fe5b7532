using Azure.Data.Tables;
using JourneyBot.Conversation.Languages;

namespace JourneyBot.Storage;

/// <summary>The language of a team's posts: one row in the team's partition of the maps' table.</summary>
/// <remarks>
/// Row <c>t~language</c> (<see cref="RowKeys.Language"/>): Kind <c>language</c>, <c>Language</c> the code.
/// It belongs to the team, as its departments and templates do: no map's deletion touches it.
/// </remarks>
/// <param name="table">The maps' table; created at start-up by the hosted initializer.</param>
public sealed class TableTeamLanguageStore(TableClient table) : ITeamLanguageStore
{
    private const string Kind = "language";

    /// <inheritdoc />
    /// <remarks>One point read; a team without the row answers 404, read as none.</remarks>
    public async Task<string?> GetAsync(string teamKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(teamKey), RowKeys.Language,
            [MapRows.LanguageProperty], cancellationToken);
        return row.HasValue ? row.Value?.GetString(MapRows.LanguageProperty) : null;
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task PutAsync(string teamKey, string language, CancellationToken cancellationToken)
    {
        var row = new TableEntity(KeyEncoder.Encode(teamKey), RowKeys.Language)
        {
            [MapRows.KindProperty] = Kind,
            [MapRows.LanguageProperty] = language,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
