using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Stages;

namespace JourneyBot.Storage;

/// <summary>The team's stage templates, one row each in the team's partition of the maps' table.</summary>
/// <remarks>
/// Row <c>t~stages~{NAME}</c> (see <see cref="RowKeys.StageTemplate"/>): Kind <c>stagetemplate</c>,
/// the template as JSON over <c>Doc0…DocN</c> (<see cref="DocumentColumns"/>; twelve stages with both
/// details at their longest fit one part). The key holds the name upper-cased, so saving a name
/// again in other letters replaces the template. The rows belong to the team, not to a map: no map's
/// deletion touches them (the map store's range queries read <c>m~</c>, <c>c~</c> and <c>u~</c> only).
/// </remarks>
/// <param name="table">The maps' table; created at start-up by the hosted initializer.</param>
public sealed class TableStageTemplateStore(TableClient table) : IStageTemplateStore
{
    private const string Kind = "stagetemplate";

    /// <inheritdoc />
    /// <remarks>One prefix query over the team's <c>t~stages~</c> rows.</remarks>
    public async Task<IReadOnlyList<StageTemplate>> ListAsync(string teamKey, CancellationToken cancellationToken)
    {
        var templates = new List<StageTemplate>();
        var filter = RowKeys.StartingWith(KeyEncoder.Encode(teamKey), RowKeys.StageTemplates);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (DocumentColumns.Read(row) is { } json && JsonSerializer.Deserialize(json, MapJson.Storage.StageTemplate) is { } template)
            {
                templates.Add(template with { IsTeams = true });
            }
        }

        return [.. templates.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task PutAsync(string teamKey, StageTemplate stageSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stageSet);
        var row = new TableEntity(KeyEncoder.Encode(teamKey), RowKeys.StageTemplate(stageSet.Name)) { [MapRows.KindProperty] = Kind };
        DocumentColumns.Write(row, JsonSerializer.Serialize(stageSet with { IsTeams = true }, MapJson.Storage.StageTemplate));
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One delete; the service answers 404 for a name the team has not saved.</remarks>
    public async Task<bool> DeleteAsync(string teamKey, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var response = await table.DeleteEntityAsync(KeyEncoder.Encode(teamKey), RowKeys.StageTemplate(name.Trim()), ETag.All, cancellationToken);
        return response.Status != 404;
    }
}
